import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessMillisBetween, isBusinessTime } from "./business-time.ts";
import type { BusinessCalendar } from "./calendar.ts";
import { DomainError } from "./errors.ts";
import {
  dueAfterBusinessMinutes,
  firstResponseDueAt,
  replyDueAt,
  serviceLevelHeading,
  serviceLevelLabel,
  slaTargetMinutes,
} from "./sla.ts";
import type { TierId } from "./tiers.ts";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

/** Wall-clock time in Paris, computed with Intl independently of the code under test. */
const parisClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const isSixPmInParis = (d: Date) => d.getUTCMilliseconds() === 0 && parisClock.format(d) === "18:00:00";

describe("slaTargetMinutes", () => {
  it("is N business days × 540 minutes on the Paris calendar", () => {
    expect(slaTargetMinutes("free")).toBeNull();
    expect(slaTargetMinutes("paying")).toBe(2 * 9 * 60);
    expect(slaTargetMinutes("premium")).toBe(9 * 60);
  });
  it("follows the length of a business day of another calendar", () => {
    const mornings: BusinessCalendar = {
      timeZone: "UTC",
      opensAt: { hour: 8, minute: 0 },
      closesAt: { hour: 12, minute: 30 },
      workingDays: [1, 2, 3, 4, 5],
      holidays: () => [],
    };
    expect(slaTargetMinutes("premium", mornings)).toBe(270);
    expect(slaTargetMinutes("paying", mornings)).toBe(540);
    expect(slaTargetMinutes("free", mornings)).toBeNull();
  });
});

describe("firstResponseDueAt — hand-worked examples (Europe/Paris)", () => {
  it.each<[string, TierId, string, string]>([
    // Premium: 1 business day = 9 business hours.
    [
      "premium Monday 10:00 → Tuesday 10:00",
      "premium",
      "2026-11-30T10:00:00+01:00",
      "2026-12-01T10:00:00+01:00",
    ],
    [
      "premium Friday 17:00 → Monday 17:00",
      "premium",
      "2026-11-27T17:00:00+01:00",
      "2026-11-30T17:00:00+01:00",
    ],
    [
      "premium Saturday noon → Monday 18:00",
      "premium",
      "2026-11-28T12:00:00+01:00",
      "2026-11-30T18:00:00+01:00",
    ],
    [
      "premium Sunday 23:59 → Monday 18:00",
      "premium",
      "2026-11-29T23:59:00+01:00",
      "2026-11-30T18:00:00+01:00",
    ],
    [
      "premium Monday 09:00 exactly → Monday 18:00 (not Tuesday 09:00)",
      "premium",
      "2026-11-30T09:00:00+01:00",
      "2026-11-30T18:00:00+01:00",
    ],
    [
      "premium Monday 08:59:59.999 → Monday 18:00",
      "premium",
      "2026-11-30T08:59:59.999+01:00",
      "2026-11-30T18:00:00+01:00",
    ],
    [
      "premium Monday 09:00:00.001 → Tuesday 09:00:00.001",
      "premium",
      "2026-11-30T09:00:00.001+01:00",
      "2026-12-01T09:00:00.001+01:00",
    ],
    [
      "premium Monday 17:59:59.999 → Tuesday 17:59:59.999",
      "premium",
      "2026-11-30T17:59:59.999+01:00",
      "2026-12-01T17:59:59.999+01:00",
    ],
    [
      "premium Monday 18:00 exactly starts Tuesday 09:00 → Tuesday 18:00",
      "premium",
      "2026-11-30T18:00:00+01:00",
      "2026-12-01T18:00:00+01:00",
    ],
    [
      "premium Monday 18:00:00.001 → Tuesday 18:00",
      "premium",
      "2026-11-30T18:00:00.001+01:00",
      "2026-12-01T18:00:00+01:00",
    ],
    [
      "premium 24 December 15:00 → Monday 28 December 15:00 (Christmas Friday)",
      "premium",
      "2026-12-24T15:00:00+01:00",
      "2026-12-28T15:00:00+01:00",
    ],
    [
      "premium 24 December 18:00 → Monday 28 December 18:00",
      "premium",
      "2026-12-24T18:00:00+01:00",
      "2026-12-28T18:00:00+01:00",
    ],
    [
      "premium 31 December 15:00 → Monday 4 January 15:00 (New Year Friday)",
      "premium",
      "2026-12-31T15:00:00+01:00",
      "2027-01-04T15:00:00+01:00",
    ],
    [
      "premium eve of Ascension, Wednesday 13 May 2026 10:00 → Friday 15 May 10:00",
      "premium",
      "2026-05-13T10:00:00+02:00",
      "2026-05-15T10:00:00+02:00",
    ],
    [
      "premium Friday before spring DST, 17:00 CET → Monday 17:00 CEST",
      "premium",
      "2026-03-27T17:00:00+01:00",
      "2026-03-30T17:00:00+02:00",
    ],
    [
      "premium Saturday of spring DST → Monday 18:00 CEST",
      "premium",
      "2026-03-28T12:00:00+01:00",
      "2026-03-30T18:00:00+02:00",
    ],
    [
      "premium during the skipped hour's morning (Sunday 03:30 CEST) → Monday 18:00",
      "premium",
      "2026-03-29T03:30:00+02:00",
      "2026-03-30T18:00:00+02:00",
    ],
    [
      "premium Friday before autumn DST, 17:00 CEST → Monday 17:00 CET",
      "premium",
      "2026-10-23T17:00:00+02:00",
      "2026-10-26T17:00:00+01:00",
    ],
    [
      "premium during the repeated hour (Sunday 02:30 CET) → Monday 18:00",
      "premium",
      "2026-10-25T02:30:00+01:00",
      "2026-10-26T18:00:00+01:00",
    ],
    [
      "premium spring DST 2025 (30 March): Friday 28 17:00 → Monday 31 17:00",
      "premium",
      "2025-03-28T17:00:00+01:00",
      "2025-03-31T17:00:00+02:00",
    ],
    [
      "premium autumn DST 2025 (26 October): Friday 24 17:00 → Monday 27 17:00",
      "premium",
      "2025-10-24T17:00:00+02:00",
      "2025-10-27T17:00:00+01:00",
    ],
    // Paying: 2 business days = 18 business hours.
    [
      "paying eve of Ascension, Wednesday 13 May 2026 10:00 → Monday 18 May 10:00",
      "paying",
      "2026-05-13T10:00:00+02:00",
      "2026-05-18T10:00:00+02:00",
    ],
    [
      "paying Monday 10:00 → Wednesday 10:00",
      "paying",
      "2026-11-30T10:00:00+01:00",
      "2026-12-02T10:00:00+01:00",
    ],
    [
      "paying Friday 17:00 → Tuesday 17:00",
      "paying",
      "2026-11-27T17:00:00+01:00",
      "2026-12-01T17:00:00+01:00",
    ],
    [
      "paying Saturday noon → Tuesday 18:00",
      "paying",
      "2026-11-28T12:00:00+01:00",
      "2026-12-01T18:00:00+01:00",
    ],
    [
      "paying Monday 09:00 → Tuesday 18:00",
      "paying",
      "2026-11-30T09:00:00+01:00",
      "2026-12-01T18:00:00+01:00",
    ],
    [
      "paying Monday 18:00 → Wednesday 18:00",
      "paying",
      "2026-11-30T18:00:00+01:00",
      "2026-12-02T18:00:00+01:00",
    ],
    [
      "paying 24 December 15:00 → Tuesday 29 December 15:00",
      "paying",
      "2026-12-24T15:00:00+01:00",
      "2026-12-29T15:00:00+01:00",
    ],
    [
      "paying Thursday 30 April 2026 12:00 (1 May Friday) → Tuesday 5 May 12:00",
      "paying",
      "2026-04-30T12:00:00+02:00",
      "2026-05-05T12:00:00+02:00",
    ],
    [
      "paying Thursday 7 May 2026 10:00 (8 May Friday) → Tuesday 12 May 10:00",
      "paying",
      "2026-05-07T10:00:00+02:00",
      "2026-05-12T10:00:00+02:00",
    ],
    [
      "paying Wednesday 30 April 2008 10:00 (Ascension = 1 May) → Monday 5 May 10:00",
      "paying",
      "2008-04-30T10:00:00+02:00",
      "2008-05-05T10:00:00+02:00",
    ],
    [
      "paying Friday before spring DST, 10:00 CET → Tuesday 10:00 CEST",
      "paying",
      "2026-03-27T10:00:00+01:00",
      "2026-03-31T10:00:00+02:00",
    ],
    [
      "paying Friday before autumn DST, 10:00 CEST → Tuesday 10:00 CET",
      "paying",
      "2026-10-23T10:00:00+02:00",
      "2026-10-27T10:00:00+01:00",
    ],
  ])("%s", (_label, tier, received, expected) => {
    expect(firstResponseDueAt(tier, at(received))?.toISOString()).toBe(at(expected).toISOString());
  });

  it("has no due time for the free tier", () => {
    expect(firstResponseDueAt("free", at("2026-11-30T10:00:00+01:00"))).toBeNull();
  });

  it("rejects an invalid Date", () => {
    expect(() => firstResponseDueAt("premium", new Date(Number.NaN))).toThrow(DomainError);
  });

  it("uses the calendar passed in", () => {
    const utcMornings: BusinessCalendar = {
      timeZone: "UTC",
      opensAt: { hour: 8, minute: 0 },
      closesAt: { hour: 12, minute: 0 },
      workingDays: [1, 2, 3, 4, 5],
      holidays: (year) => (year === 2026 ? [{ date: "2026-12-01", name: { fr: "Test", en: "Test" } }] : []),
    };
    // Monday 30 Nov 2026 11:00 UTC: 1 h on Monday, Tuesday is a holiday, 3 h on Wednesday.
    expect(firstResponseDueAt("premium", at("2026-11-30T11:00:00Z"), utcMornings)?.toISOString()).toBe(
      "2026-12-02T11:00:00.000Z",
    );
  });
});

describe("dueAfterBusinessMinutes and replyDueAt", () => {
  it("adds business minutes", () => {
    expect(dueAfterBusinessMinutes(at("2026-11-30T10:00:00+01:00"), 540).toISOString()).toBe(
      at("2026-12-01T10:00:00+01:00").toISOString(),
    );
    expect(dueAfterBusinessMinutes(at("2026-11-30T17:30:00+01:00"), 45).toISOString()).toBe(
      at("2026-12-01T09:15:00+01:00").toISOString(),
    );
    expect(dueAfterBusinessMinutes(at("2026-11-28T10:00:00+01:00"), 0).toISOString()).toBe(
      at("2026-11-30T09:00:00+01:00").toISOString(),
    );
  });

  it("gives a later customer message the same target as a first response", () => {
    expect(replyDueAt("paying", at("2026-05-13T10:00:00+02:00"))?.toISOString()).toBe(
      at("2026-05-18T10:00:00+02:00").toISOString(),
    );
    expect(replyDueAt("premium", at("2026-11-27T17:00:00+01:00"))?.toISOString()).toBe(
      at("2026-11-30T17:00:00+01:00").toISOString(),
    );
    expect(replyDueAt("free", at("2026-11-27T17:00:00+01:00"))).toBeNull();
  });
});

describe("serviceLevelLabel", () => {
  it.each<[TierId, "fr" | "en", string | null]>([
    ["paying", "fr", "2 jours ouvrés"],
    ["premium", "fr", "1 jour ouvré"],
    ["paying", "en", "2 business days"],
    ["premium", "en", "1 business day"],
    ["free", "fr", null],
    ["free", "en", null],
  ])("%s in %s → %s", (tier, locale, expected) => {
    expect(serviceLevelLabel(tier, locale)).toBe(expected);
  });

  it("has the seed's row heading", () => {
    expect(serviceLevelHeading).toEqual({ fr: "Niveau de service", en: "Service level" });
  });
});

describe("firstResponseDueAt properties (2000–2060, millisecond precision)", () => {
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31, 23, 59, 59, 999) })
    .map((t) => new Date(t));
  const paidTier = fc.constantFrom<TierId>("paying", "premium");

  const due = (tier: TierId, receivedAt: Date): Date => {
    const result = firstResponseDueAt(tier, receivedAt);
    if (!result) throw new Error(`no due time for ${tier}`);
    return result;
  };
  const target = (tier: TierId): number => {
    const minutes = slaTargetMinutes(tier);
    if (minutes === null) throw new Error(`no target for ${tier}`);
    return minutes * MINUTE;
  };

  it("leaves exactly the target of business time between receipt and due time", () => {
    fc.assert(
      fc.property(paidTier, instant, (tier, receivedAt) => {
        expect(businessMillisBetween(receivedAt, due(tier, receivedAt))).toBe(target(tier));
      }),
      { numRuns: 1000 },
    );
  });

  it("is due inside business hours or exactly at 18:00 Paris", () => {
    fc.assert(
      fc.property(paidTier, instant, (tier, receivedAt) => {
        const dueAt = due(tier, receivedAt);
        expect(dueAt.getTime()).toBeGreaterThan(receivedAt.getTime());
        expect(isBusinessTime(dueAt) || isSixPmInParis(dueAt)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("is monotonic: a later receipt never gets an earlier due time", () => {
    fc.assert(
      fc.property(
        paidTier,
        instant,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (tier, receivedAt, later) => {
          const receivedLater = new Date(receivedAt.getTime() + later);
          expect(due(tier, receivedLater).getTime()).toBeGreaterThanOrEqual(due(tier, receivedAt).getTime());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives premium an earlier due time than paying", () => {
    fc.assert(
      fc.property(instant, (receivedAt) => {
        expect(due("premium", receivedAt).getTime()).toBeLessThan(due("paying", receivedAt).getTime());
      }),
      { numRuns: 300 },
    );
  });
});
