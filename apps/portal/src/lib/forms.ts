/**
 * Form handling shared by every page: reading posted fields, and turning API problems (or the
 * portal's own checks) into messages next to fields and in an error summary.
 */
import type { Locale } from "@cirrus/domain";
import { type MessageKey, translate } from "../i18n/index.ts";
import type { Problem } from "./api.ts";
import { formatWait } from "./format.ts";

/** What a form shows after a failed submit: a message per field, and page-level messages. */
export interface FormErrors {
  /** Field name → message. */
  readonly fields: Readonly<Record<string, string>>;
  /** Messages not tied to a field. */
  readonly general: readonly string[];
}

export const noErrors: FormErrors = { fields: {}, general: [] };

/** Whether there is anything to show. */
export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}

/** The id of a field's input, used by labels, error messages and the summary's links. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * One page-level sentence for a problem, in the page's language.
 * @example problemMessage({ status: 429, code: "rate-limited", retryAfterSeconds: 42, … }, "fr") // "Trop de tentatives. Réessayez dans 42 secondes."
 */
export function problemMessage(problem: Problem, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  switch (problem.code) {
    case "rate-limited":
      return problem.retryAfterSeconds !== undefined
        ? t("error.rateLimited", { wait: formatWait(problem.retryAfterSeconds, locale) })
        : t("error.rateLimitedSoon");
    case "service-unavailable":
      return t("error.unavailable");
    case "storage-full":
      // The API's own sentence (in the caller's language) says that nothing was changed.
      return problem.title || t("error.unavailable");
    case "invalid-credentials":
      return t("error.invalidCredentials");
    case "invalid-token":
      return t("error.invalidToken");
    case "unauthenticated":
      return t("error.sessionExpired");
    default:
      if (problem.status >= 500) return t("error.generic");
      // The API's own message, already in the caller's language.
      return problem.detail ?? problem.title ?? t("error.generic");
  }
}

/**
 * Errors to show for a problem: field errors next to the fields the form has (others and the
 * problem's own message in the summary). `aliases` names the form's field for an API field when
 * they differ (a page with several forms keeps its field names unique, e.g. API `reason` →
 * `statusReason`).
 */
export function errorsFromProblem(
  problem: Problem,
  locale: Locale,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): FormErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of problem.errors) {
    const field = aliases[error.field] ?? error.field;
    if (formFields.includes(field) && !fields[field]) fields[field] = error.message;
    else general.push(error.message);
  }
  if (problem.code !== "validation-failed" || (general.length === 0 && Object.keys(fields).length === 0)) {
    general.unshift(problemMessage(problem, locale));
  }
  return { fields, general };
}

/** Adds the portal's own field checks to errors (never replacing the API's). */
export function withFieldErrors(
  errors: FormErrors,
  extra: Readonly<Record<string, string | undefined>>,
): FormErrors {
  const fields: Record<string, string> = { ...errors.fields };
  for (const [name, message] of Object.entries(extra)) if (message && !fields[name]) fields[name] = message;
  return { fields, general: errors.general };
}

/**
 * A posted text field (never null), with `\r\n` normalized and a hard length cap.
 * @example formText(form, "subject", 200)
 */
export function formText(form: FormData, name: string, max = 20_000): string {
  const value = form.get(name);
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").slice(0, max) : "";
}

/** Reads the request's form body, or an empty one when it is not a form. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
