/**
 * Texts of the mails about a request — received, agent reply, resolved, quote proposed,
 * attachments not kept — in the recipient's language. Every subject is `[CS-000123] <subject>`, the
 * same for the whole conversation, so mail clients thread it and replies find their request.
 */
import { attachmentLimits, formatFileSize, type Locale } from "@cirrus/domain";
import { type Block, type RenderedMail, renderMail } from "./compose.ts";
import { formatCivilDateLong, formatEffortDays, formatParisDate, formatParisDateTime } from "./format.ts";

/** What every request mail knows about its request and recipient. */
export interface RequestMailBase {
  readonly reference: string;
  readonly subject: string;
  readonly recipientName: string;
  /** The request's page in the portal. */
  readonly link: string;
}

/**
 * The subject of every mail of a request's conversation.
 * @example requestMailSubject("CS-000123", "Export PDF") // "[CS-000123] Export PDF"
 */
export function requestMailSubject(reference: string, subject: string): string {
  return `[${reference}] ${subject.replace(/\s+/g, " ").trim()}`;
}

const signature: Record<Locale, Block> = {
  fr: { p: "Le support Cirrus Shield" },
  en: { p: "Cirrus Shield Support" },
};

const greeting = (locale: Locale, name: string): Block => ({
  p: locale === "fr" ? `Bonjour ${name},` : `Hello ${name},`,
});

const replyHint = (locale: Locale, reference: string): Block => ({
  p:
    locale === "fr"
      ? `Pour nous répondre, répondez simplement à cet e-mail (en gardant [${reference}] dans l’objet), ou passez par le portail :`
      : `To answer, simply reply to this e-mail (keeping [${reference}] in the subject), or use the portal:`,
});

const portalLink = (locale: Locale, link: string): Block => ({
  link,
  label: locale === "fr" ? "Voir la demande sur le portail" : "View the request in the portal",
});

const { maxFilesPerMessage, maxFileBytes, maxMessageBytes } = attachmentLimits;

/** Which e-mail attachments were refused (type, size, count), and what support does keep. */
function attachmentsNotKept(locale: Locale, names: readonly string[]): Block[] {
  if (names.length === 0) return [];
  const list = names.join(", ");
  const plural = names.length > 1 ? "s" : "";
  return [
    {
      p:
        locale === "fr"
          ? `${names.length} pièce${plural} jointe${plural} non conservée${plural} : ${list}. Le support garde les images, PDF, documents bureautiques, archives et fichiers texte (reconnus d’après leur contenu), jusqu’à ${maxFilesPerMessage} fichiers par message, ${formatFileSize(maxFileBytes, "fr")} par fichier et ${formatFileSize(maxMessageBytes, "fr")} en tout. Votre texte a bien été enregistré ; partagez les autres fichiers par un lien, ou décrivez leur contenu dans votre réponse.`
          : `${names.length} attachment${plural} not kept: ${list}. Support keeps images, PDF, office documents, archives and text files (recognised from their content), up to ${maxFilesPerMessage} files per message, ${formatFileSize(maxFileBytes, "en")} per file and ${formatFileSize(maxMessageBytes, "en")} in all. Your text was recorded; share the other files through a link, or describe what matters in your reply.`,
    },
  ];
}

/**
 * Acknowledgement of a new request, with its reference and the first-response due time.
 * @example requestReceivedMail("fr", { reference: "CS-000123", subject: "Export", recipientName: "Claire", link, dueAt, attachmentsNotKept: [] })
 */
export function requestReceivedMail(
  locale: Locale,
  v: RequestMailBase & { dueAt: Date | null; attachmentsNotKept: readonly string[] },
): RenderedMail {
  const fr = locale === "fr";
  const facts: [string, string][] = [[fr ? "Référence" : "Reference", v.reference]];
  if (v.dueAt)
    facts.push([
      fr ? "Première réponse au plus tard" : "First response by",
      formatParisDateTime(v.dueAt, locale),
    ]);
  return renderMail(locale, requestMailSubject(v.reference, v.subject), [
    greeting(locale, v.recipientName),
    {
      p: fr
        ? `Nous avons bien reçu votre demande « ${v.subject} ».`
        : `We have received your request “${v.subject}”.`,
    },
    { facts },
    ...attachmentsNotKept(locale, v.attachmentsNotKept),
    replyHint(locale, v.reference),
    portalLink(locale, v.link),
    signature[locale],
  ]);
}

/** What to say about reopening a resolved request. */
function reopenBlock(locale: Locale, reopenUntil: Date, autoCloseAt: Date): Block {
  return {
    p:
      locale === "fr"
        ? `Si le problème persiste, répondez simplement à cet e-mail : la demande sera rouverte. Vous pouvez aussi la rouvrir sur le portail jusqu’au ${formatParisDate(reopenUntil, locale)}. Sans réponse de votre part, elle sera fermée automatiquement le ${formatParisDate(autoCloseAt, locale)}.`
        : `If the problem persists, simply reply to this e-mail: the request will be reopened. You can also reopen it in the portal until ${formatParisDate(reopenUntil, locale)}. Without an answer from you, it will close by itself on ${formatParisDate(autoCloseAt, locale)}.`,
  };
}

/**
 * An agent's public reply, quoted in full; says how to reopen when the reply also resolved the request.
 * @example agentReplyMail("en", { …base, agentName: "Léa", body: "Try this…", resolved: null })
 */
export function agentReplyMail(
  locale: Locale,
  v: RequestMailBase & {
    agentName: string;
    body: string;
    resolved: { reopenUntil: Date; autoCloseAt: Date } | null;
  },
): RenderedMail {
  const fr = locale === "fr";
  return renderMail(locale, requestMailSubject(v.reference, v.subject), [
    greeting(locale, v.recipientName),
    {
      p: fr
        ? `${v.agentName} (support Cirrus Shield) a répondu à votre demande ${v.reference} :`
        : `${v.agentName} (Cirrus Shield Support) replied to your request ${v.reference}:`,
    },
    { quote: v.body },
    ...(v.resolved
      ? [
          { p: fr ? "Nous considérons cette demande comme résolue." : "We consider this request resolved." },
          reopenBlock(locale, v.resolved.reopenUntil, v.resolved.autoCloseAt),
        ]
      : [replyHint(locale, v.reference)]),
    portalLink(locale, v.link),
    signature[locale],
  ]);
}

/**
 * The request was resolved: how to reopen it (reply to the mail or the portal, within the window).
 * @example requestResolvedMail("fr", { …base, reopenUntil, autoCloseAt })
 */
export function requestResolvedMail(
  locale: Locale,
  v: RequestMailBase & { reopenUntil: Date; autoCloseAt: Date },
): RenderedMail {
  return renderMail(locale, requestMailSubject(v.reference, v.subject), [
    greeting(locale, v.recipientName),
    {
      p:
        locale === "fr"
          ? `Votre demande ${v.reference} « ${v.subject} » est résolue.`
          : `Your request ${v.reference} “${v.subject}” is resolved.`,
    },
    reopenBlock(locale, v.reopenUntil, v.autoCloseAt),
    portalLink(locale, v.link),
    signature[locale],
  ]);
}

/**
 * A quote proposal: amount (excl. VAT), effort, validity, terms, and the link to accept or decline.
 * @example quoteProposedMail("fr", { …base, amount: "1 500,00 € HT", effortDays: 2, validUntil: "2026-12-31", terms, quoteLink })
 */
export function quoteProposedMail(
  locale: Locale,
  v: RequestMailBase & {
    amount: string;
    effortDays: number;
    validUntil: string;
    terms: string;
    quoteLink: string;
  },
): RenderedMail {
  const fr = locale === "fr";
  return renderMail(locale, requestMailSubject(v.reference, v.subject), [
    greeting(locale, v.recipientName),
    {
      p: fr
        ? `Nous vous proposons un devis pour votre demande ${v.reference} « ${v.subject} » :`
        : `Here is our quote for your request ${v.reference} “${v.subject}”:`,
    },
    {
      facts: [
        [fr ? "Montant" : "Amount", v.amount],
        [fr ? "Effort estimé" : "Estimated effort", formatEffortDays(v.effortDays, locale)],
        [fr ? "Valable jusqu’au" : "Valid until", formatCivilDateLong(v.validUntil, locale)],
      ],
    },
    { p: fr ? "Conditions :" : "Terms:" },
    { quote: v.terms },
    {
      p: fr
        ? "Vous pouvez l’accepter ou le refuser sur le portail :"
        : "You can accept or decline it in the portal:",
    },
    { link: v.quoteLink, label: fr ? "Voir le devis" : "View the quote" },
    signature[locale],
  ]);
}

/**
 * A reply came in by e-mail with attachments that were refused (type, size, count): say so once.
 * @example attachmentsNotKeptMail("en", { …base, names: ["screenshot.png"] })
 */
export function attachmentsNotKeptMail(
  locale: Locale,
  v: RequestMailBase & { names: readonly string[] },
): RenderedMail {
  return renderMail(locale, requestMailSubject(v.reference, v.subject), [
    greeting(locale, v.recipientName),
    {
      p:
        locale === "fr"
          ? `Votre réponse a bien été ajoutée à la demande ${v.reference}.`
          : `Your reply was added to request ${v.reference}.`,
    },
    ...attachmentsNotKept(locale, v.names),
    portalLink(locale, v.link),
    signature[locale],
  ]);
}
