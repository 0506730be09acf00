/** The canned-reply form: what was typed, and the portal's own checks before the API's. */
import { isLocale, type Locale } from "@cirrus/domain";
import { translate } from "../i18n/index.ts";
import { type CannedReplyInput, cannedReplyLimits } from "./agent-api.ts";
import { formText } from "./forms.ts";

export interface CannedDraft {
  title: string;
  body: string;
  locale: string;
}

/** Reads the posted form. */
export function readCanned(form: FormData): CannedDraft {
  return {
    title: formText(form, "title", 400),
    body: formText(form, "body", 20_000),
    locale: formText(form, "locale", 5),
  };
}

/**
 * The draft as API input, or the field errors (in the page's language) that keep it from being one.
 * @example checkCanned({ title: "", body: "x", locale: "fr" }, "fr") // { ok: false, errors: { title: "Ce champ est obligatoire." } }
 */
export function checkCanned(
  draft: CannedDraft,
  locale: Locale,
): { ok: true; input: CannedReplyInput } | { ok: false; errors: Record<string, string | undefined> } {
  const title = draft.title.trim();
  const body = draft.body.trim();
  const tooLong = (max: number) => translate(locale, "staff.maxLength", { max });
  const errors = {
    title: !title
      ? translate(locale, "form.fieldRequired")
      : title.length > cannedReplyLimits.title
        ? tooLong(cannedReplyLimits.title)
        : undefined,
    body: !body
      ? translate(locale, "form.fieldRequired")
      : body.length > cannedReplyLimits.body
        ? tooLong(cannedReplyLimits.body)
        : undefined,
    locale: isLocale(draft.locale) ? undefined : translate(locale, "form.fieldRequired"),
  };
  if (errors.title || errors.body || errors.locale || !isLocale(draft.locale)) return { ok: false, errors };
  return { ok: true, input: { title, body, locale: draft.locale } };
}
