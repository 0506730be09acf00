/** Conversions between instants and wall-clock time in an IANA time zone, with `Intl` only. */
import { DomainError } from "./errors.ts";

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Throws `invalid-date` unless the value is a valid `Date`; returns its epoch milliseconds.
 * @example epochOf(new Date(0)) // 0
 */
export function epochOf(date: Date): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(t))
    throw new DomainError("invalid-date", "expected a valid Date", { value: String(date) });
  return t;
}

/** Wall-clock fields straight from `Intl` (slow: a few microseconds per call). */
function wallTimeFromIntl(epochMs: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === "era")?.value;
  const yearOfEra = get("year");
  return {
    year: era === "BC" || era === "B" ? 1 - yearOfEra : yearOfEra,
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

function offsetFromIntl(epochMs: number, timeZone: string): number {
  const w = wallTimeFromIntl(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  const fixed = new Date(asUtc);
  fixed.setUTCFullYear(w.year);
  const secondsFloor = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return fixed.getTime() - secondsFloor;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
/** Per zone: the offset of every UTC clock hour whose first and last millisecond share it. */
const offsetsByHour = new Map<string, Map<number, number>>();

/**
 * Offset of the zone from UTC at an instant, in milliseconds (Paris in summer: +7,200,000).
 * Offsets change at most once an hour, so each UTC hour whose two ends agree is asked of `Intl`
 * once and remembered: SLA arithmetic calls this for every business day it walks.
 * @example zoneOffsetMs(Date.UTC(2026, 6, 1), "Europe/Paris") // 7_200_000
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let cache = offsetsByHour.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetsByHour.set(timeZone, cache);
  }
  const known = cache.get(hour);
  if (known !== undefined) return known;
  const start = offsetFromIntl(hour * HOUR_MS, timeZone);
  const end = offsetFromIntl(hour * HOUR_MS + HOUR_MS - 1, timeZone);
  if (start !== end) return offsetFromIntl(epochMs, timeZone); // the offset changes inside this hour
  if (cache.size >= MAX_CACHED_HOURS) cache.clear();
  cache.set(hour, start);
  return start;
}

/**
 * Wall-clock time of an instant in a time zone (seconds precision; milliseconds are the instant's own).
 * @example wallTime(Date.UTC(2026, 0, 5, 9), "Europe/Paris").hour // 10
 */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant at which a zone's clocks show a wall time. For a time skipped by a DST change the
 * later offset is used; for a repeated time, the first occurrence.
 * @example new Date(zonedTimeToEpoch({ year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 0 }, "Europe/Paris")).toISOString() // "2026-07-01T07:00:00.000Z"
 */
export function zonedTimeToEpoch(wall: WallTime, timeZone: string): number {
  const local = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  local.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  const asUtc = local.getTime();
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const second = asUtc - zoneOffsetMs(first, timeZone);
  if (first === second) {
    // A repeated wall time (clocks set back) was already shown under the offset of a day before:
    // keep that first occurrence. East of UTC both guesses above land on the second one.
    const before = asUtc - zoneOffsetMs(first - 86_400_000, timeZone);
    return before < first && before + zoneOffsetMs(before, timeZone) === asUtc ? before : first;
  }
  // Around a transition the two guesses disagree: keep one whose wall time matches, else the later.
  const earlier = Math.min(first, second);
  return earlier + zoneOffsetMs(earlier, timeZone) === asUtc ? earlier : Math.max(first, second);
}
