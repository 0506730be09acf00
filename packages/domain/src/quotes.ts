/**
 * Custom-development quotes ("sur devis"): a proposal (amount in cents excl. VAT, effort, validity,
 * terms) that the customer accepts or declines; immutable once sent (a new one supersedes it).
 */
import { type BusinessCalendar, parisBusinessCalendar } from "./calendar.ts";
import { DomainError, IllegalTransitionError } from "./errors.ts";
import type { Locale, Localized } from "./i18n.ts";
import { epochOf, wallTime, zonedTimeToEpoch } from "./zoned-time.ts";

export const quoteStatusIds = [
  "proposed",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
  "superseded",
] as const;
export type QuoteStatusId = (typeof quoteStatusIds)[number];
export type QuoteActor = "customer" | "agent" | "system";

/**
 * Labels of each quote status.
 * @example quoteStatuses.proposed.fr // "Proposé"
 */
export const quoteStatuses: Readonly<Record<QuoteStatusId, Localized>> = {
  proposed: { fr: "Proposé", en: "Proposed" },
  accepted: { fr: "Accepté", en: "Accepted" },
  declined: { fr: "Refusé", en: "Declined" },
  expired: { fr: "Expiré", en: "Expired" },
  withdrawn: { fr: "Retiré", en: "Withdrawn" },
  superseded: { fr: "Remplacé", en: "Superseded" },
};

const transitions: Readonly<Record<QuoteActor, Partial<Record<QuoteStatusId, readonly QuoteStatusId[]>>>> = {
  customer: { proposed: ["accepted", "declined"] },
  agent: { proposed: ["withdrawn"] },
  system: { proposed: ["expired", "superseded"] },
};

/** Limits of a proposal, shared by the API's validation and the agent form. */
export const quoteLimits = {
  maxAmountCents: 100_000_000_00,
  maxEffortDays: 1_000,
  /** Effort is counted in half days. */
  effortStepDays: 0.5,
  maxValidityDays: 365,
  maxTermsLength: 10_000,
} as const;

export interface QuoteProposal {
  /** Amount excluding VAT, in euro cents (an integer). */
  readonly amountCents: number;
  readonly effortDays: number;
  /** Last day the offer can be accepted (inclusive), `YYYY-MM-DD` in the calendar's zone. */
  readonly validUntil: string;
  readonly terms: string;
}

export interface QuoteState {
  readonly status: QuoteStatusId;
  readonly validUntil: string;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The instant a quote stops being acceptable: midnight after its last valid day, in the calendar's zone.
 * @example quoteExpiresAt("2026-12-31").toISOString() // "2026-12-31T23:00:00.000Z"
 */
export function quoteExpiresAt(validUntil: string, calendar: BusinessCalendar = parisBusinessCalendar): Date {
  const date = parseLocalDate(validUntil);
  if (!date)
    throw new DomainError("invalid-quote", "validUntil must be a date YYYY-MM-DD", { field: "validUntil" });
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return new Date(
    zonedTimeToEpoch(
      {
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      calendar.timeZone,
    ),
  );
}

/**
 * The status as seen now: a proposal past its validity reads as `expired`.
 * @example effectiveQuoteStatus({ status: "proposed", validUntil: "2020-01-01" }, new Date()) // "expired"
 */
export function effectiveQuoteStatus(
  quote: QuoteState,
  now: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): QuoteStatusId {
  if (quote.status === "proposed" && epochOf(now) >= quoteExpiresAt(quote.validUntil, calendar).getTime()) {
    return "expired";
  }
  return quote.status;
}

/**
 * Checks a quote decision; throws `illegal-transition`, or `quote-expired` when accepting or
 * declining after the validity. Returns the new status.
 * @example assertQuoteTransition({ status: "proposed", validUntil: "2099-01-01" }, "accepted", "customer", new Date()) // "accepted"
 */
export function assertQuoteTransition(
  quote: QuoteState,
  to: QuoteStatusId,
  actor: QuoteActor,
  now: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): QuoteStatusId {
  if (!transitions[actor][quote.status]?.includes(to)) {
    throw new IllegalTransitionError("quote", quote.status, to, actor);
  }
  const expired = effectiveQuoteStatus(quote, now, calendar) === "expired";
  if (expired && to !== "expired") {
    throw new DomainError("quote-expired", "the quote is past its validity date", {
      validUntil: quote.validUntil,
    });
  }
  if (!expired && to === "expired") throw new IllegalTransitionError("quote", quote.status, to, actor);
  return to;
}

/** A field-level problem with a proposal. */
export interface QuoteFieldError {
  readonly field: keyof QuoteProposal;
  readonly code: "required" | "not-integer" | "out-of-range" | "invalid-date" | "in-the-past" | "too-long";
}

/**
 * Today's date `YYYY-MM-DD` in the calendar's zone.
 * @example localDateOf(new Date("2026-12-31T23:30:00Z")) // "2027-01-01"
 */
export function localDateOf(at: Date, calendar: BusinessCalendar = parisBusinessCalendar): string {
  const w = wallTime(epochOf(at), calendar.timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * Field errors of a proposal (empty when valid): amount a positive integer of cents, effort a
 * positive number of half days, validity from today to one year ahead, terms present.
 * @example validateQuoteProposal({ amountCents: 150000, effortDays: 2, validUntil: "2099-01-01", terms: "…" }, new Date())
 */
export function validateQuoteProposal(
  proposal: QuoteProposal,
  now: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): QuoteFieldError[] {
  const errors: QuoteFieldError[] = [];
  const { amountCents, effortDays, validUntil, terms } = proposal;
  if (!Number.isInteger(amountCents)) errors.push({ field: "amountCents", code: "not-integer" });
  else if (amountCents <= 0 || amountCents > quoteLimits.maxAmountCents) {
    errors.push({ field: "amountCents", code: "out-of-range" });
  }
  if (
    !Number.isFinite(effortDays) ||
    effortDays <= 0 ||
    effortDays > quoteLimits.maxEffortDays ||
    !Number.isInteger(effortDays / quoteLimits.effortStepDays)
  ) {
    errors.push({ field: "effortDays", code: "out-of-range" });
  }
  const date = parseLocalDate(validUntil);
  if (!date) errors.push({ field: "validUntil", code: "invalid-date" });
  else {
    const today = localDateOf(now, calendar);
    const latest = localDateOf(new Date(epochOf(now) + quoteLimits.maxValidityDays * 86_400_000), calendar);
    if (validUntil < today) errors.push({ field: "validUntil", code: "in-the-past" });
    else if (validUntil > latest) errors.push({ field: "validUntil", code: "out-of-range" });
  }
  if (terms.trim().length === 0) errors.push({ field: "terms", code: "required" });
  else if (terms.length > quoteLimits.maxTermsLength) errors.push({ field: "terms", code: "too-long" });
  return errors;
}

/**
 * Formats an amount of euro cents, excluding VAT ("HT" in French).
 * @example formatEuroCents(150000, "fr") // "1 500,00 € HT"
 */
export function formatEuroCents(amountCents: number, locale: Locale): string {
  const amount = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-IE", {
    style: "currency",
    currency: "EUR",
  }).format(amountCents / 100);
  return locale === "fr" ? `${amount} HT` : `${amount} excl. VAT`;
}
