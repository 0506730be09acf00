import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { epochOf, type WallTime, wallTime, zonedTimeToEpoch, zoneOffsetMs } from "./zoned-time.ts";

const HOUR = 3_600_000;
const PARIS = "Europe/Paris";
const at = (iso: string) => new Date(iso).getTime();
const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});
/** A wall time as if it were UTC, to compare two wall times by their distance. */
const wallAsUtc = (w: WallTime) => {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getTime();
};

describe("epochOf", () => {
  it("returns the epoch milliseconds of a valid Date", () => {
    expect(epochOf(new Date(0))).toBe(0);
    expect(epochOf(new Date("2026-11-30T09:00:00.123Z"))).toBe(Date.UTC(2026, 10, 30, 9, 0, 0, 123));
  });
  it("throws DomainError invalid-date for an invalid Date or a non-Date", () => {
    for (const bad of [new Date(Number.NaN), new Date("2026-02-30T99:00:00Z"), "2026-01-01", 0, null]) {
      let caught: unknown;
      try {
        epochOf(bad as Date);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe("invalid-date");
    }
  });
});

describe("wallTime", () => {
  it.each([
    ["winter (UTC+1)", "2026-01-05T08:00:00Z", wall(2026, 1, 5, 9)],
    ["summer (UTC+2)", "2026-07-01T07:00:00Z", wall(2026, 7, 1, 9)],
    ["New Year in Paris while UTC is still in the old year", "2026-12-31T23:30:00Z", wall(2027, 1, 1, 0, 30)],
    ["just before the spring change", "2026-03-29T00:59:59.999Z", wall(2026, 3, 29, 1, 59, 59)],
    ["at the spring change (02:00 becomes 03:00)", "2026-03-29T01:00:00Z", wall(2026, 3, 29, 3)],
    ["first 02:30 of the autumn change (CEST)", "2026-10-25T00:30:00Z", wall(2026, 10, 25, 2, 30)],
    ["second 02:30 of the autumn change (CET)", "2026-10-25T01:30:00Z", wall(2026, 10, 25, 2, 30)],
  ])("Paris, %s", (_label, iso, expected) => {
    expect(wallTime(at(iso), PARIS)).toEqual(expected);
  });

  it("handles years before 100 and before year 1", () => {
    expect(wallTime(at("0050-06-01T12:00:00Z"), "UTC")).toEqual(wall(50, 6, 1, 12));
    expect(wallTime(at("-000050-01-01T00:00:00Z"), "UTC")).toEqual(wall(-50, 1, 1));
  });

  it("rejects an unknown time zone", () => {
    expect(() => wallTime(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zoneOffsetMs", () => {
  it.each([
    ["winter", "2026-01-15T12:00:00Z", HOUR],
    ["summer", "2026-07-15T12:00:00Z", 2 * HOUR],
    ["1 ms before the spring change", "2026-03-29T00:59:59.999Z", HOUR],
    ["at the spring change", "2026-03-29T01:00:00Z", 2 * HOUR],
    ["1 ms before the autumn change", "2026-10-25T00:59:59.999Z", 2 * HOUR],
    ["at the autumn change", "2026-10-25T01:00:00Z", HOUR],
  ])("Paris, %s", (_label, iso, expected) => {
    expect(zoneOffsetMs(at(iso), PARIS)).toBe(expected);
  });
  it("is negative west of Greenwich and zero in UTC", () => {
    expect(zoneOffsetMs(at("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(zoneOffsetMs(at("2026-01-15T12:00:00Z"), "UTC")).toBe(0);
    expect(zoneOffsetMs(at("0050-06-01T12:00:00.500Z"), "UTC")).toBe(0);
  });
});

describe("zonedTimeToEpoch", () => {
  it.each([
    ["winter 09:00", wall(2026, 1, 5, 9), "2026-01-05T09:00:00+01:00"],
    ["summer 09:00", wall(2026, 7, 1, 9), "2026-07-01T09:00:00+02:00"],
    ["midnight of 1 January", wall(2027, 1, 1), "2027-01-01T00:00:00+01:00"],
    ["Monday after the spring change, 09:00", wall(2026, 3, 30, 9), "2026-03-30T09:00:00+02:00"],
    ["Monday after the autumn change, 18:00", wall(2026, 10, 26, 18), "2026-10-26T18:00:00+01:00"],
    [
      "spring change day, 01:59:59 (before the gap)",
      wall(2026, 3, 29, 1, 59, 59),
      "2026-03-29T01:59:59+01:00",
    ],
    ["spring change day, 03:00 (after the gap)", wall(2026, 3, 29, 3), "2026-03-29T03:00:00+02:00"],
    // 02:30 does not exist on 29 March 2026: it moves forward by the gap, into summer time.
    ["a skipped time (02:30 on 29 March 2026)", wall(2026, 3, 29, 2, 30), "2026-03-29T03:30:00+02:00"],
    // 02:30 happens twice on 25 October 2026: the first occurrence (still summer time).
    ["a repeated time (02:30 on 25 October 2026)", wall(2026, 10, 25, 2, 30), "2026-10-25T02:30:00+02:00"],
    [
      "autumn change day, 03:00 (after the repeated hour)",
      wall(2026, 10, 25, 3),
      "2026-10-25T03:00:00+01:00",
    ],
    ["autumn change day, 01:59:59 (before it)", wall(2026, 10, 25, 1, 59, 59), "2026-10-25T01:59:59+02:00"],
  ])("Paris, %s", (_label, w, expected) => {
    expect(new Date(zonedTimeToEpoch(w, PARIS)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it("works west of Greenwich too (New York)", () => {
    const ny = "America/New_York";
    expect(new Date(zonedTimeToEpoch(wall(2026, 1, 5, 9), ny)).toISOString()).toBe(
      "2026-01-05T14:00:00.000Z",
    );
    // Skipped 02:30 on 8 March 2026 → 03:30 EDT; repeated 01:30 on 1 November 2026 → first (EDT).
    expect(new Date(zonedTimeToEpoch(wall(2026, 3, 8, 2, 30), ny)).toISOString()).toBe(
      new Date("2026-03-08T03:30:00-04:00").toISOString(),
    );
    expect(new Date(zonedTimeToEpoch(wall(2026, 11, 1, 1, 30), ny)).toISOString()).toBe(
      new Date("2026-11-01T01:30:00-04:00").toISOString(),
    );
  });

  it("handles years before 100", () => {
    expect(zonedTimeToEpoch(wall(50, 6, 1, 12), "UTC")).toBe(at("0050-06-01T12:00:00Z"));
  });

  const zone = fc.constantFrom(PARIS, "America/New_York");
  /** Last Sunday of a month, 01:00 UTC: when Paris changes clocks (EU rule since 1996). */
  const euChangeUtc = (year: number, month: 3 | 10) => {
    const last = new Date(Date.UTC(year, month, 0, 1));
    return last.getTime() - last.getUTCDay() * 86_400_000;
  };
  /** Instants within three hours of a Paris DST change, millisecond precision. */
  const nearParisChange = fc
    .tuple(
      fc.integer({ min: 2000, max: 2060 }),
      fc.constantFrom<3 | 10>(3, 10),
      fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
    )
    .map(([year, month, delta]) => euChangeUtc(year, month) + delta);

  it("round-trips instant → wall time → instant (the earliest instant showing that wall time)", () => {
    fc.assert(
      fc.property(
        zone,
        fc.oneof(
          fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31, 23, 59, 59, 999) }),
          nearParisChange,
        ),
        (timeZone, t) => {
          const seconds = Math.floor(t / 1000) * 1000;
          const w = wallTime(t, timeZone);
          const back = zonedTimeToEpoch(w, timeZone);
          expect(wallTime(back, timeZone)).toEqual(w);
          // The instant itself, unless the same wall time was already shown one hour earlier
          // (the second occurrence of a repeated time): then that first occurrence.
          const shownAnHourEarlier = wallAsUtc(wallTime(seconds - HOUR, timeZone)) === wallAsUtc(w);
          expect(back).toBe(shownAnHourEarlier ? seconds - HOUR : seconds);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("round-trips wall time → instant → wall time, except in a DST gap (moved forward by one hour)", () => {
    const wallArb = fc.record({
      year: fc.integer({ min: 2000, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(zone, wallArb, (timeZone, w) => {
        const t = zonedTimeToEpoch(w, timeZone);
        const shown = wallTime(t, timeZone);
        if (wallAsUtc(shown) !== wallAsUtc(w)) {
          expect(wallAsUtc(shown) - wallAsUtc(w)).toBe(HOUR);
          // A gap: the offset one hour before the result differs from the offset at it.
          expect(zoneOffsetMs(t - HOUR, timeZone)).not.toBe(zoneOffsetMs(t, timeZone));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("maps every Paris 09:00 and 18:00 of the year to the right UTC hour", () => {
    // Independently: Paris is UTC+2 from the last Sunday of March to the last Sunday of October.
    for (const [month, day, offset] of [
      [3, 27, 1],
      [3, 30, 2],
      [10, 23, 2],
      [10, 26, 1],
    ] as const) {
      expect(zonedTimeToEpoch(wall(2026, month, day, 9), PARIS)).toBe(
        Date.UTC(2026, month - 1, day, 9 - offset),
      );
      expect(zonedTimeToEpoch(wall(2026, month, day, 18), PARIS)).toBe(
        Date.UTC(2026, month - 1, day, 18 - offset),
      );
    }
  });
});
