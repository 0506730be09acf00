/**
 * The API's one error vocabulary: every failure is an `application/problem+json` (RFC 9457) with a
 * stable `code`, a fitting status and a message in the caller's language. Domain errors are mapped
 * here once (see `app.ts` onError).
 */
import {
  attachmentLimits,
  type DomainError,
  formatFileSize,
  type Locale,
  type Localized,
  localize,
} from "@cirrus/domain";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const problemCodes = {
  "bad-request": 400,
  "invalid-json": 400,
  "validation-failed": 422,
  unauthenticated: 401,
  "invalid-credentials": 401,
  forbidden: 403,
  "csrf-rejected": 403,
  "not-entitled": 403,
  "not-found": 404,
  "method-not-allowed": 405,
  conflict: 409,
  "email-taken": 409,
  "illegal-transition": 409,
  "reopen-window-expired": 409,
  "quote-expired": 409,
  "invalid-add-on": 422,
  "invalid-quote": 422,
  "invalid-date": 422,
  "invalid-token": 400,
  "payload-too-large": 413,
  "attachment-too-large": 413,
  "attachments-too-large": 413,
  "too-many-attachments": 422,
  "too-many-pending-attachments": 429,
  "unsupported-media-type": 415,
  "unsupported-attachment-type": 415,
  "rate-limited": 429,
  "service-unavailable": 503,
  "storage-full": 503,
  "internal-error": 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ProblemCode = keyof typeof problemCodes;

const { maxFileBytes, maxMessageBytes, maxFilesPerMessage } = attachmentLimits;

const titles: Record<ProblemCode, Localized> = {
  "bad-request": { fr: "Requête invalide.", en: "Bad request." },
  "invalid-json": {
    fr: "Le corps de la requête n’est pas du JSON valide.",
    en: "The request body is not valid JSON.",
  },
  "validation-failed": { fr: "Certains champs sont invalides.", en: "Some fields are invalid." },
  unauthenticated: { fr: "Veuillez vous connecter.", en: "Please sign in." },
  "invalid-credentials": { fr: "E-mail ou mot de passe incorrect.", en: "Incorrect e-mail or password." },
  forbidden: { fr: "Vous n’avez pas accès à cette action.", en: "You do not have access to this action." },
  "csrf-rejected": {
    fr: "Requête refusée : elle ne provient pas du même site.",
    en: "Request refused: it does not come from the same site.",
  },
  "not-entitled": {
    fr: "Votre offre de support n’inclut pas ce type de demande.",
    en: "Your support plan does not include this kind of request.",
  },
  "not-found": { fr: "Introuvable.", en: "Not found." },
  "method-not-allowed": { fr: "Méthode non autorisée.", en: "Method not allowed." },
  conflict: { fr: "Conflit avec l’état actuel.", en: "Conflict with the current state." },
  "email-taken": {
    fr: "Cette adresse e-mail est déjà utilisée.",
    en: "This e-mail address is already in use.",
  },
  "illegal-transition": {
    fr: "Ce changement de statut n’est pas possible.",
    en: "This status change is not possible.",
  },
  "reopen-window-expired": {
    fr: "Cette demande est fermée depuis plus de 30 jours : ouvrez une nouvelle demande liée.",
    en: "This request has been closed for more than 30 days: open a new, linked request.",
  },
  "quote-expired": { fr: "Ce devis a expiré.", en: "This quote has expired." },
  "invalid-add-on": {
    fr: "Cette option ne peut pas être ajoutée à cette offre.",
    en: "This option cannot be added to this plan.",
  },
  "invalid-quote": { fr: "Le devis est invalide.", en: "The quote is invalid." },
  "invalid-date": { fr: "Date invalide.", en: "Invalid date." },
  "invalid-token": {
    fr: "Ce lien n’est plus valide (déjà utilisé ou expiré).",
    en: "This link is no longer valid (already used or expired).",
  },
  "payload-too-large": { fr: "La requête est trop volumineuse.", en: "The request is too large." },
  "unsupported-media-type": { fr: "Type de contenu non pris en charge.", en: "Unsupported content type." },
  "attachment-too-large": {
    fr: `Fichier trop volumineux : ${formatFileSize(maxFileBytes, "fr")} au maximum par fichier.`,
    en: `File too large: at most ${formatFileSize(maxFileBytes, "en")} per file.`,
  },
  "attachments-too-large": {
    fr: `Pièces jointes trop volumineuses : ${formatFileSize(maxMessageBytes, "fr")} au maximum par message.`,
    en: `Attachments too large: at most ${formatFileSize(maxMessageBytes, "en")} per message.`,
  },
  "too-many-attachments": {
    fr: `Trop de fichiers : ${maxFilesPerMessage} au maximum par message.`,
    en: `Too many files: at most ${maxFilesPerMessage} per message.`,
  },
  "too-many-pending-attachments": {
    fr: "Trop de fichiers en attente d’envoi : envoyez ou abandonnez d’abord vos messages en cours.",
    en: "Too many files waiting to be sent: send or abandon your messages in progress first.",
  },
  "unsupported-attachment-type": {
    fr: "Type de fichier non accepté (reconnu d’après son contenu). Formats acceptés : images, PDF, documents bureautiques, archives, texte.",
    en: "File type not accepted (recognised from its content). Accepted: images, PDF, office documents, archives, text.",
  },
  "rate-limited": {
    fr: "Trop de tentatives. Réessayez dans quelques instants.",
    en: "Too many attempts. Try again shortly.",
  },
  "service-unavailable": {
    fr: "Service momentanément indisponible. Réessayez dans quelques instants.",
    en: "Service temporarily unavailable. Try again shortly.",
  },
  "storage-full": {
    fr: "Enregistrement impossible pour le moment : l’espace de stockage du service est plein. Rien n’a été modifié.",
    en: "Cannot save right now: the service's storage is full. Nothing was changed.",
  },
  "internal-error": { fr: "Erreur interne.", en: "Internal error." },
};

/** A field-level error, for forms to show next to the field. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * An error that becomes a problem response. Throw it anywhere in a handler.
 * @example throw new Problem("not-found")
 */
export class Problem extends HTTPException {
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(
    code: ProblemCode,
    options: { detail?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(problemCodes[code], { message: code });
    this.code = code;
    this.detail = options.detail;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

/**
 * A `conflict` problem whose detail explains it in the caller's language.
 * @example throw conflict(locale, { fr: "Déjà annulée.", en: "Already cancelled." })
 */
export function conflict(locale: Locale, detail: Localized): Problem {
  return new Problem("conflict", { detail: localize(detail, locale) });
}

/**
 * The localized title of a problem code.
 * @example problemTitle("not-found", "fr") // "Introuvable."
 */
export function problemTitle(code: ProblemCode, locale: Locale): string {
  return localize(titles[code], locale);
}

/** Writes a problem+json response. */
export function problemResponse(c: Context, problem: Problem, locale: Locale): Response {
  const body = {
    type: `urn:cirrus-shield:problem:${problem.code}`,
    title: problemTitle(problem.code, locale),
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...problem.extra,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId" as never) as string | undefined,
  };
  // Through the context, so that the headers set for every answer (middleware/context.ts) are kept.
  return c.newResponse(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
    ...problem.headers,
  });
}

/** Maps a domain error to its problem (same code, details passed on). */
export function problemFromDomain(error: DomainError, locale: Locale): Problem {
  const code = (error.code in problemCodes ? error.code : "conflict") as ProblemCode;
  return new Problem(code, { detail: domainDetail(error, locale), extra: { details: error.details } });
}

function domainDetail(error: DomainError, locale: Locale): string | undefined {
  if (error.code === "illegal-transition") {
    const { from, to } = error.details as { from?: string; to?: string };
    return locale === "fr"
      ? `Passage de « ${from} » à « ${to} » impossible.`
      : `Cannot go from "${from}" to "${to}".`;
  }
  return undefined;
}
