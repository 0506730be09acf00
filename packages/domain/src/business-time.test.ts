import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMillis,
  businessMillisBetween,
  clockStartAt,
  isBusinessTime,
  nextOpeningAt,
} from "./business-time.ts";
import type { BusinessCalendar } from "./calendar.ts";
import { DomainError } from "./errors.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);

/** Instants from 2000 to 2060 with millisecond precision. */
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31, 23, 59, 59, 999) })
  .map((t) => new Date(t));
/** Up to 120 days of clock time, in milliseconds. */
const span = fc.integer({ min: 0, max: 120 * DAY });

function expectInvalidDate(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid-date");
    return;
  }
  expect.fail("expected a DomainError invalid-date");
}

describe("isBusinessTime", () => {
  it.each([
    ["Monday 09:00 (opening, inclusive)", "2026-11-30T09:00:00+01:00", true],
    ["Monday 08:59:59.999", "2026-11-30T08:59:59.999+01:00", false],
    ["Monday 17:59:59.999", "2026-11-30T17:59:59.999+01:00", true],
    ["Monday 18:00 (closing, exclusive)", "2026-11-30T18:00:00+01:00", false],
    ["Friday noon", "2026-11-27T12:00:00+01:00", true],
    ["Saturday noon", "2026-11-28T12:00:00+01:00", false],
    ["Sunday noon", "2026-11-29T12:00:00+01:00", false],
    ["24 December (a normal working day)", "2026-12-24T10:00:00+01:00", true],
    ["25 December (Christmas, a Friday in 2026)", "2026-12-25T10:00:00+01:00", false],
    ["14 July (a Tuesday in 2026)", "2026-07-14T10:00:00+02:00", false],
    ["Ascension Thursday 14 May 2026", "2026-05-14T10:00:00+02:00", false],
    ["Whit Monday 25 May 2026", "2026-05-25T10:00:00+02:00", false],
    ["summer 09:00 Paris (07:00 UTC)", "2026-07-01T07:00:00Z", true],
    ["summer 08:00 Paris (06:00 UTC)", "2026-07-01T06:00:00Z", false],
    ["Monday after the spring DST change, 09:00", "2026-03-30T09:00:00+02:00", true],
    ["Monday after the autumn DST change, 17:59", "2026-10-26T17:59:00+01:00", true],
  ])("%s → %s", (_label, iso, expected) => {
    expect(isBusinessTime(at(iso))).toBe(expected);
  });

  it("rejects an invalid Date", () => {
    expectInvalidDate(() => isBusinessTime(new Date(Number.NaN)));
  });
});

describe("clockStartAt", () => {
  it.each([
    [
      "during business hours: the instant itself",
      "2026-11-30T10:15:30.123+01:00",
      "2026-11-30T10:15:30.123+01:00",
    ],
    ["exactly at 09:00", "2026-11-30T09:00:00+01:00", "2026-11-30T09:00:00+01:00"],
    ["just before 09:00", "2026-11-30T08:59:59.999+01:00", "2026-11-30T09:00:00+01:00"],
    ["exactly at 18:00: next opening", "2026-11-30T18:00:00+01:00", "2026-12-01T09:00:00+01:00"],
    ["just after 18:00", "2026-11-30T18:00:00.001+01:00", "2026-12-01T09:00:00+01:00"],
    ["midnight on a Tuesday", "2026-12-01T00:00:00+01:00", "2026-12-01T09:00:00+01:00"],
    ["Friday 18:00 → Monday", "2026-11-27T18:00:00+01:00", "2026-11-30T09:00:00+01:00"],
    ["Saturday noon → Monday", "2026-11-28T12:00:00+01:00", "2026-11-30T09:00:00+01:00"],
    [
      "24 December evening → Monday 28 (Christmas Friday)",
      "2026-12-24T18:30:00+01:00",
      "2026-12-28T09:00:00+01:00",
    ],
    ["eve of Ascension → Friday", "2026-05-13T19:00:00+02:00", "2026-05-15T09:00:00+02:00"],
    ["spring DST weekend → Monday in summer time", "2026-03-28T12:00:00+01:00", "2026-03-30T09:00:00+02:00"],
    ["autumn DST weekend → Monday in winter time", "2026-10-24T12:00:00+02:00", "2026-10-26T09:00:00+01:00"],
  ])("%s", (_label, received, expected) => {
    expect(clockStartAt(at(received)).toISOString()).toBe(at(expected).toISOString());
  });

  it("rejects an invalid Date", () => {
    expectInvalidDate(() => clockStartAt(new Date("not a date")));
  });
});

describe("nextOpeningAt", () => {
  it.each([
    [
      "during business hours: the next business day's opening",
      "2026-11-27T10:00:00+01:00",
      "2026-11-30T09:00:00+01:00",
    ],
    [
      "exactly at 09:00: strictly after, so the next day",
      "2026-11-30T09:00:00+01:00",
      "2026-12-01T09:00:00+01:00",
    ],
    [
      "before 09:00 on a business day: the same day",
      "2026-11-30T07:00:00+01:00",
      "2026-11-30T09:00:00+01:00",
    ],
    ["at 18:00: the next day", "2026-11-30T18:00:00+01:00", "2026-12-01T09:00:00+01:00"],
    ["on a holiday morning: the day after", "2026-07-14T08:00:00+02:00", "2026-07-15T09:00:00+02:00"],
    [
      "New Year's Eve evening → 4 January 2027 (1 Jan is a Friday)",
      "2026-12-31T20:00:00+01:00",
      "2027-01-04T09:00:00+01:00",
    ],
  ])("%s", (_label, from, expected) => {
    expect(nextOpeningAt(at(from)).toISOString()).toBe(at(expected).toISOString());
  });
});

describe("businessMillisBetween", () => {
  it.each([
    ["one business hour on a Monday", "2026-11-30T10:00:00+01:00", "2026-11-30T11:00:00+01:00", HOUR],
    ["one millisecond after opening", "2026-11-30T09:00:00+01:00", "2026-11-30T09:00:00.001+01:00", 1],
    ["the whole of a business day", "2026-11-30T00:00:00+01:00", "2026-12-01T00:00:00+01:00", 9 * HOUR],
    ["09:00 to 18:00", "2026-11-30T09:00:00+01:00", "2026-11-30T18:00:00+01:00", 9 * HOUR],
    [
      "overnight: 17:00 to next day 10:00",
      "2026-11-30T17:00:00+01:00",
      "2026-12-01T10:00:00+01:00",
      2 * HOUR,
    ],
    ["Friday 17:00 to Monday 10:00", "2026-11-27T17:00:00+01:00", "2026-11-30T10:00:00+01:00", 2 * HOUR],
    ["a weekend", "2026-11-28T00:00:00+01:00", "2026-11-30T00:00:00+01:00", 0],
    ["outside hours only (18:00 to 09:00)", "2026-11-30T18:00:00+01:00", "2026-12-01T09:00:00+01:00", 0],
    ["a full week", "2026-11-30T00:00:00+01:00", "2026-12-07T00:00:00+01:00", 45 * HOUR],
    ["the week of 14 July 2026", "2026-07-13T00:00:00+02:00", "2026-07-20T00:00:00+02:00", 36 * HOUR],
    [
      "the Ascension week 2026 (Thursday off)",
      "2026-05-11T00:00:00+02:00",
      "2026-05-18T00:00:00+02:00",
      36 * HOUR,
    ],
    ["Christmas week 2026 (Friday off)", "2026-12-21T00:00:00+01:00", "2026-12-28T00:00:00+01:00", 36 * HOUR],
    ["across the spring DST weekend", "2026-03-27T17:00:00+01:00", "2026-03-30T10:00:00+02:00", 2 * HOUR],
    ["across the autumn DST weekend", "2026-10-23T17:00:00+02:00", "2026-10-26T10:00:00+01:00", 2 * HOUR],
    // 2026: 261 weekdays, of which 9 are holidays (15 Aug is a Saturday, 1 Nov a Sunday): 252 business days.
    ["the whole year 2026", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 252 * 9 * HOUR],
    ["equal instants", "2026-11-30T10:00:00+01:00", "2026-11-30T10:00:00+01:00", 0],
    ["reversed interval", "2026-12-01T10:00:00+01:00", "2026-11-30T10:00:00+01:00", 0],
  ])("%s", (_label, from, to, expected) => {
    expect(businessMillisBetween(at(from), at(to))).toBe(expected);
  });

  it("rejects invalid Dates", () => {
    expectInvalidDate(() => businessMillisBetween(new Date(Number.NaN), at("2026-11-30T10:00:00Z")));
    expectInvalidDate(() => businessMillisBetween(at("2026-11-30T10:00:00Z"), new Date(Number.NaN)));
  });
});

describe("addBusinessMillis", () => {
  it.each([
    ["Friday 17:00 + 9 h → Monday 17:00", "2026-11-27T17:00:00+01:00", 9 * HOUR, "2026-11-30T17:00:00+01:00"],
    ["09:00 + 9 h → 18:00 the same day", "2026-11-30T09:00:00+01:00", 9 * HOUR, "2026-11-30T18:00:00+01:00"],
    [
      "09:00 + 9 h + 1 ms → next day 09:00:00.001",
      "2026-11-30T09:00:00+01:00",
      9 * HOUR + 1,
      "2026-12-01T09:00:00.001+01:00",
    ],
    [
      "Saturday + 1 ms → Monday 09:00:00.001",
      "2026-11-28T12:00:00+01:00",
      1,
      "2026-11-30T09:00:00.001+01:00",
    ],
    ["across the spring DST weekend", "2026-03-27T17:00:00+01:00", 2 * HOUR, "2026-03-30T10:00:00+02:00"],
    ["across the autumn DST weekend", "2026-10-23T17:00:00+02:00", 2 * HOUR, "2026-10-26T10:00:00+01:00"],
    ["zero → the clock start", "2026-11-28T12:00:00+01:00", 0, "2026-11-30T09:00:00+01:00"],
    ["zero during hours → the instant itself", "2026-11-30T11:00:00+01:00", 0, "2026-11-30T11:00:00+01:00"],
    ["negative → the clock start", "2026-11-30T19:00:00+01:00", -HOUR, "2026-12-01T09:00:00+01:00"],
  ])("%s", (_label, from, millis, expected) => {
    expect(addBusinessMillis(at(from), millis).toISOString()).toBe(at(expected).toISOString());
  });

  it("rejects a non-finite amount and an invalid Date", () => {
    expect(() => addBusinessMillis(at("2026-11-30T10:00:00Z"), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMillis(at("2026-11-30T10:00:00Z"), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expectInvalidDate(() => addBusinessMillis(new Date(Number.NaN), HOUR));
  });
});

describe("custom calendars", () => {
  const everyDayUtc: BusinessCalendar = {
    timeZone: "UTC",
    opensAt: { hour: 8, minute: 30 },
    closesAt: { hour: 12, minute: 0 },
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    holidays: () => [],
  };
  const neverOpen: BusinessCalendar = { ...everyDayUtc, workingDays: [] };

  it("reads hours, working days and holidays from the calendar given", () => {
    // Sunday 29 March 2026 is worked in this calendar; DST changes do not exist in UTC.
    expect(isBusinessTime(at("2026-03-29T08:30:00Z"), everyDayUtc)).toBe(true);
    expect(isBusinessTime(at("2026-03-29T12:00:00Z"), everyDayUtc)).toBe(false);
    expect(businessMillisBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"), everyDayUtc)).toBe(
      7 * HOUR,
    );
    expect(addBusinessMillis(at("2026-03-28T11:00:00Z"), 2 * HOUR, everyDayUtc).toISOString()).toBe(
      "2026-03-29T09:30:00.000Z",
    );
    // 25 December is an ordinary day there.
    expect(isBusinessTime(at("2026-12-25T09:00:00Z"), everyDayUtc)).toBe(true);
  });

  it("counts a Sunday of a DST change as a full business day where Sundays are worked", () => {
    const parisEveryDay: BusinessCalendar = { ...everyDayUtc, timeZone: "Europe/Paris" };
    expect(
      businessMillisBetween(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"), parisEveryDay),
    ).toBe(3.5 * HOUR);
    expect(
      businessMillisBetween(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"), parisEveryDay),
    ).toBe(3.5 * HOUR);
  });

  it("fails loudly on a calendar without any business day", () => {
    expect(() => clockStartAt(at("2026-03-28T11:00:00Z"), neverOpen)).toThrow(RangeError);
    expect(() => nextOpeningAt(at("2026-03-28T11:00:00Z"), neverOpen)).toThrow(RangeError);
    expect(() => addBusinessMillis(at("2026-03-28T11:00:00Z"), HOUR, neverOpen)).toThrow(RangeError);
    expect(businessMillisBetween(at("2026-03-28T11:00:00Z"), at("2026-04-28T11:00:00Z"), neverOpen)).toBe(0);
  });
});

describe("business time properties (2000–2060, millisecond precision)", () => {
  it("is additive: [a, b) + [b, c) = [a, c)", () => {
    fc.assert(
      fc.property(instant, span, span, (a, d1, d2) => {
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        expect(businessMillisBetween(a, b) + businessMillisBetween(b, c)).toBe(businessMillisBetween(a, c));
      }),
      { numRuns: 500 },
    );
  });

  it("never counts more than the clock time, and 1 ms of business time exactly when isBusinessTime", () => {
    fc.assert(
      fc.property(instant, span, (a, d) => {
        const b = new Date(a.getTime() + d);
        const between = businessMillisBetween(a, b);
        expect(between).toBeGreaterThanOrEqual(0);
        expect(between).toBeLessThanOrEqual(d);
        expect(businessMillisBetween(a, new Date(a.getTime() + 1))).toBe(isBusinessTime(a) ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips: businessMillisBetween(from, addBusinessMillis(from, m)) = m", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 9 * HOUR }), (from, m) => {
        const to = addBusinessMillis(from, m);
        expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(businessMillisBetween(from, to)).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips: addBusinessMillis(from, businessMillisBetween(from, to)) = to when to is business time", () => {
    fc.assert(
      fc.property(instant, span, (from, d) => {
        const to = new Date(from.getTime() + d);
        const back = addBusinessMillis(from, businessMillisBetween(from, to));
        if (isBusinessTime(to)) expect(back.toISOString()).toBe(to.toISOString());
        // Otherwise it is the last closing before `to` (or the clock start): no business time between.
        else expect(businessMillisBetween(back, to)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("clockStartAt is business time, not before the instant, with no business time in between", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const start = clockStartAt(t);
        expect(start.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(isBusinessTime(start)).toBe(true);
        expect(businessMillisBetween(t, start)).toBe(0);
        if (isBusinessTime(t)) expect(start.getTime()).toBe(t.getTime());
        const next = nextOpeningAt(t);
        expect(next.getTime()).toBeGreaterThan(t.getTime());
        expect(isBusinessTime(next)).toBe(true);
        expect(isBusinessTime(new Date(next.getTime() - 1))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
