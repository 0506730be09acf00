/**
 * What the agent's forms need beyond the generic form helpers: amounts and efforts typed the French
 * or English way, a canned reply appended to a draft, and the reply draft kept as typed.
 */
import { isRequestStatusId, type RequestStatusId } from "@cirrus/domain";
import { formText } from "./forms.ts";

/**
 * Euros typed by a person → cents; null when it is not an amount. Accepts "4 800,00", "4800.5",
 * "4,800.00", "4 800 €"; at most two decimals. "12,345" is refused: French 12.345 or English 12345?
 * @example parseEuroAmount("4 800,50") // 480050
 */
export function parseEuroAmount(text: string): number | null {
  let value = text.replace(/[\s\u00a0\u202f€]/g, "");
  if (!value) return null;
  // "4,800.00" or "1,234,567": commas group thousands; "4800,50": the comma is the decimal mark.
  if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(value) || /^\d{1,3}(,\d{3}){2,}$/.test(value)) {
    value = value.replace(/,/g, "");
  } else if (/^\d+,\d{3}$/.test(value)) {
    return null;
  } else {
    value = value.replace(",", ".");
  }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const [units = "0", decimals = ""] = value.split(".");
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * A number of days typed by a person ("2,5", "2.5", "3"); null when it is not one.
 * @example parseDays("2,5") // 2.5
 */
export function parseDays(text: string): number | null {
  const value = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const days = Number(value);
  return Number.isFinite(days) ? days : null;
}

/**
 * Cents as a person types them back into the form (no grouping, the locale's decimal mark).
 * @example centsForInput(480050, "fr") // "4800,50"
 */
export function centsForInput(cents: number, locale: "fr" | "en"): string {
  const text = (cents / 100).toFixed(2);
  return locale === "fr" ? text.replace(".", ",") : text;
}

/**
 * A canned reply added at the end of what is already typed, after a blank line; nothing erased.
 * @example appendText("Bonjour,", "Voici la marche à suivre.") // "Bonjour,\n\nVoici la marche à suivre."
 */
export function appendText(draft: string, text: string): string {
  const kept = draft.replace(/\s+$/, "");
  return kept ? `${kept}\n\n${text}` : text;
}

/** The reply form as typed. */
export interface ReplyDraft {
  body: string;
  visibility: "public" | "internal";
  status: RequestStatusId | "";
  reason: string;
  canned: string;
}

export const emptyReply: ReplyDraft = { body: "", visibility: "public", status: "", reason: "", canned: "" };

/** Reads the posted reply form (its status fields are named apart from the status form's). */
export function readReply(form: FormData): ReplyDraft {
  const status = formText(form, "replyStatus", 32);
  return {
    body: formText(form, "body", 40_000),
    visibility: formText(form, "visibility", 16) === "internal" ? "internal" : "public",
    status: isRequestStatusId(status) ? status : "",
    reason: formText(form, "replyReason", 2_000),
    canned: formText(form, "canned", 64),
  };
}

/** The quote proposal form as typed. */
export interface QuoteDraft {
  amount: string;
  effort: string;
  validUntil: string;
  terms: string;
}

export const emptyQuote: QuoteDraft = { amount: "", effort: "", validUntil: "", terms: "" };

/** Reads the posted proposal form. */
export function readQuote(form: FormData): QuoteDraft {
  return {
    amount: formText(form, "amount", 40).trim(),
    effort: formText(form, "effort", 20).trim(),
    validUntil: formText(form, "validUntil", 32).trim(),
    terms: formText(form, "terms", 20_000),
  };
}
