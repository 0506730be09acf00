import { describe, expect, it } from "vitest";
import { DomainError, IllegalTransitionError } from "./errors.ts";
import {
  assertQuoteTransition,
  effectiveQuoteStatus,
  formatEuroCents,
  localDateOf,
  type QuoteActor,
  type QuoteProposal,
  type QuoteStatusId,
  quoteExpiresAt,
  quoteLimits,
  quoteStatuses,
  quoteStatusIds,
  validateQuoteProposal,
} from "./quotes.ts";

const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
/** Intl puts no-break spaces (U+00A0, U+202F) in French amounts: compare with plain spaces. */
const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("quote statuses", () => {
  it("lists the statuses with labels in both languages", () => {
    expect(quoteStatusIds).toEqual([
      "proposed",
      "accepted",
      "declined",
      "expired",
      "withdrawn",
      "superseded",
    ]);
    expect(quoteStatuses.proposed).toEqual({ fr: "Proposé", en: "Proposed" });
    expect(quoteStatuses.accepted).toEqual({ fr: "Accepté", en: "Accepted" });
    for (const id of quoteStatusIds) {
      expect(quoteStatuses[id].fr).not.toBe("");
      expect(quoteStatuses[id].en).not.toBe("");
    }
  });
});

describe("quoteExpiresAt (midnight Paris after the last valid day)", () => {
  it.each([
    ["winter", "2026-12-31", "2027-01-01T00:00:00+01:00"],
    ["summer", "2026-07-01", "2026-07-02T00:00:00+02:00"],
    ["last day before the spring DST change", "2026-03-28", "2026-03-29T00:00:00+01:00"],
    ["DST change day itself (spring)", "2026-03-29", "2026-03-30T00:00:00+02:00"],
    ["DST change day itself (autumn)", "2026-10-25", "2026-10-26T00:00:00+01:00"],
    ["end of February in a leap year", "2028-02-28", "2028-02-29T00:00:00+01:00"],
  ])("%s: valid until %s → %s", (_label, validUntil, expected) => {
    expect(quoteExpiresAt(validUntil).toISOString()).toBe(at(expected).toISOString());
  });

  it.each(["2026-02-30", "2026-13-01", "2026-1-5", "31/12/2026", "", "2026-12-31T00:00"])(
    "rejects %j with invalid-quote",
    (validUntil) => {
      const error = thrown(() => quoteExpiresAt(validUntil));
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("invalid-quote");
    },
  );
});

describe("effectiveQuoteStatus", () => {
  const quote = { status: "proposed" as const, validUntil: "2026-12-31" };
  const expiry = at("2027-01-01T00:00:00+01:00");

  it("reads a proposal as expired from midnight after its last valid day", () => {
    expect(effectiveQuoteStatus(quote, at("2026-12-31T23:59:59.999+01:00"))).toBe("proposed");
    expect(effectiveQuoteStatus(quote, expiry)).toBe("expired");
    expect(effectiveQuoteStatus(quote, plus(expiry, 86_400_000))).toBe("expired");
  });

  it.each<QuoteStatusId>(["accepted", "declined", "withdrawn", "superseded", "expired"])(
    "leaves a %s quote as it is",
    (status) => {
      expect(effectiveQuoteStatus({ status, validUntil: "2020-01-01" }, expiry)).toBe(status);
    },
  );

  it("rejects an invalid Date", () => {
    const error = thrown(() => effectiveQuoteStatus(quote, new Date(Number.NaN)));
    expect((error as DomainError).code).toBe("invalid-date");
  });
});

describe("assertQuoteTransition", () => {
  const proposed = { status: "proposed" as const, validUntil: "2026-12-31" };
  const inTime = at("2026-12-31T23:59:59.999+01:00");
  const late = at("2027-01-01T00:00:00+01:00");

  const allowed: Record<QuoteActor, QuoteStatusId[]> = {
    customer: ["accepted", "declined"],
    agent: ["withdrawn"],
    system: ["superseded"],
  };
  const cases = (["customer", "agent", "system"] as const).flatMap((actor) =>
    quoteStatusIds.map((to) => [actor, to, allowed[actor].includes(to)] as const),
  );

  it.each(cases)("from proposed, in time: %s → %s allowed: %s", (actor, to, ok) => {
    if (ok) {
      expect(assertQuoteTransition(proposed, to, actor, inTime)).toBe(to);
      return;
    }
    const error = thrown(() => assertQuoteTransition(proposed, to, actor, inTime));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as DomainError).code).toBe("illegal-transition");
    expect((error as DomainError).details).toMatchObject({ machine: "quote", from: "proposed", to, actor });
  });

  it.each<QuoteStatusId>(["accepted", "declined"])("refuses %s once expired (quote-expired)", (to) => {
    const error = thrown(() => assertQuoteTransition(proposed, to, "customer", late));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("quote-expired");
    expect((error as DomainError).details).toEqual({ validUntil: "2026-12-31" });
  });

  it("lets the system mark it expired at midnight after the last valid day, not before", () => {
    expect(assertQuoteTransition(proposed, "expired", "system", late)).toBe("expired");
    const early = thrown(() => assertQuoteTransition(proposed, "expired", "system", inTime));
    expect(early).toBeInstanceOf(IllegalTransitionError);
    expect((early as DomainError).code).toBe("illegal-transition");
  });

  it.each(
    (["accepted", "declined", "expired", "withdrawn", "superseded"] as const).flatMap((from) =>
      (["customer", "agent", "system"] as const).flatMap((actor) =>
        quoteStatusIds.map((to) => [from, actor, to] as const),
      ),
    ),
  )("a %s quote is final: %s → %s refused", (from, actor, to) => {
    const error = thrown(() =>
      assertQuoteTransition({ status: from, validUntil: "2099-01-01" }, to, actor, inTime),
    );
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as DomainError).code).toBe("illegal-transition");
  });
});

describe("validateQuoteProposal", () => {
  const now = at("2026-06-15T10:00:00+02:00");
  const valid: QuoteProposal = {
    amountCents: 150_000,
    effortDays: 2.5,
    validUntil: "2026-07-15",
    terms: "Développement d’un connecteur, livraison sous 3 semaines.",
  };

  it("accepts a valid proposal", () => {
    expect(validateQuoteProposal(valid, now)).toEqual([]);
  });

  it.each<[string, Partial<QuoteProposal>, { field: keyof QuoteProposal; code: string } | null]>([
    [
      "amount with a fraction of a cent",
      { amountCents: 1500.5 },
      { field: "amountCents", code: "not-integer" },
    ],
    ["amount NaN", { amountCents: Number.NaN }, { field: "amountCents", code: "not-integer" }],
    ["amount 0", { amountCents: 0 }, { field: "amountCents", code: "out-of-range" }],
    ["negative amount", { amountCents: -100 }, { field: "amountCents", code: "out-of-range" }],
    ["amount 1 cent", { amountCents: 1 }, null],
    ["amount at the maximum", { amountCents: 10_000_000_000 }, null],
    [
      "amount above the maximum",
      { amountCents: 10_000_000_001 },
      { field: "amountCents", code: "out-of-range" },
    ],
    ["effort 0", { effortDays: 0 }, { field: "effortDays", code: "out-of-range" }],
    ["negative effort", { effortDays: -1 }, { field: "effortDays", code: "out-of-range" }],
    ["effort a quarter day", { effortDays: 0.25 }, { field: "effortDays", code: "out-of-range" }],
    ["effort half a day", { effortDays: 0.5 }, null],
    ["effort at the maximum", { effortDays: 1000 }, null],
    ["effort above the maximum", { effortDays: 1000.5 }, { field: "effortDays", code: "out-of-range" }],
    ["effort NaN", { effortDays: Number.NaN }, { field: "effortDays", code: "out-of-range" }],
    [
      "effort Infinity",
      { effortDays: Number.POSITIVE_INFINITY },
      { field: "effortDays", code: "out-of-range" },
    ],
    ["impossible date", { validUntil: "2026-02-30" }, { field: "validUntil", code: "invalid-date" }],
    ["badly formatted date", { validUntil: "15/07/2026" }, { field: "validUntil", code: "invalid-date" }],
    ["today", { validUntil: "2026-06-15" }, null],
    ["yesterday", { validUntil: "2026-06-14" }, { field: "validUntil", code: "in-the-past" }],
    ["one year ahead", { validUntil: "2027-06-15" }, null],
    ["one year and a day ahead", { validUntil: "2027-06-16" }, { field: "validUntil", code: "out-of-range" }],
    ["blank terms", { terms: "  \n " }, { field: "terms", code: "required" }],
    ["terms at the maximum length", { terms: "x".repeat(10_000) }, null],
    ["terms too long", { terms: "x".repeat(10_001) }, { field: "terms", code: "too-long" }],
  ])("%s", (_label, change, expected) => {
    expect(validateQuoteProposal({ ...valid, ...change }, now)).toEqual(expected ? [expected] : []);
  });

  it("reports every faulty field at once", () => {
    expect(
      validateQuoteProposal({ amountCents: 0, effortDays: 0, validUntil: "nope", terms: "" }, now).map(
        (e) => e.field,
      ),
    ).toEqual(["amountCents", "effortDays", "validUntil", "terms"]);
  });

  it("reads 'today' in Paris, not in UTC", () => {
    // 00:30 on 1 January 2027 in Paris is still 31 December in UTC.
    const parisNewYear = at("2027-01-01T00:30:00+01:00");
    expect(validateQuoteProposal({ ...valid, validUntil: "2026-12-31" }, parisNewYear)).toEqual([
      { field: "validUntil", code: "in-the-past" },
    ]);
    expect(validateQuoteProposal({ ...valid, validUntil: "2027-01-01" }, parisNewYear)).toEqual([]);
  });

  it("publishes its limits", () => {
    expect(quoteLimits).toEqual({
      maxAmountCents: 10_000_000_000,
      maxEffortDays: 1000,
      effortStepDays: 0.5,
      maxValidityDays: 365,
      maxTermsLength: 10_000,
    });
  });
});

describe("localDateOf", () => {
  it.each([
    ["2026-12-31T23:30:00Z", "2027-01-01"],
    ["2026-12-31T22:59:59.999Z", "2026-12-31"],
    ["2026-07-01T21:59:59.999Z", "2026-07-01"],
    ["2026-07-01T22:00:00Z", "2026-07-02"],
  ])("%s is %s in Paris", (iso, expected) => {
    expect(localDateOf(at(iso))).toBe(expected);
  });
});

describe("formatEuroCents", () => {
  it.each([
    [150_000, "1 500,00 € HT"],
    [99, "0,99 € HT"],
    [123_456_789, "1 234 567,89 € HT"],
  ])("%i cents in French → %s (no-break spaces normalised)", (cents, expected) => {
    const text = formatEuroCents(cents, "fr");
    expect(plainSpaces(text)).toBe(expected);
    expect(text).toMatch(/^[\d\u202f\u00a0 ]+,\d{2}[\u00a0\u202f ]€ HT$/);
  });

  it.each([
    [150_000, "€1,500.00 excl. VAT"],
    [99, "€0.99 excl. VAT"],
    [123_456_789, "€1,234,567.89 excl. VAT"],
  ])("%i cents in English → %s", (cents, expected) => {
    expect(formatEuroCents(cents, "en")).toBe(expected);
  });
});
