/**
 * Business time arithmetic on a calendar: which instants are business time, how much business
 * time lies between two instants, and which instant comes after a given amount of it. Exact to
 * the millisecond, across DST changes (each business day is converted with its own offset).
 */
import { type BusinessCalendar, parisBusinessCalendar } from "./calendar.ts";
import { type CivilDate, formatCivilDate } from "./holidays.ts";
import { epochOf, wallTime, zonedTimeToEpoch } from "./zoned-time.ts";

const DAY_MS = 86_400_000;
/** A calendar with no business day for this many days in a row is treated as broken. */
const MAX_CLOSED_DAYS = 3_700;

/** A business day's open interval [start, end) in epoch milliseconds, or null when closed. */
type Interval = readonly [start: number, end: number] | null;

interface CalendarCache {
  intervals: Map<number, Interval>;
  holidays: Map<number, ReadonlySet<string>>;
}
const caches = new WeakMap<BusinessCalendar, CalendarCache>();
const MAX_CACHED_DAYS = 50_000;

function cacheOf(calendar: BusinessCalendar): CalendarCache {
  let cache = caches.get(calendar);
  if (!cache) {
    cache = { intervals: new Map(), holidays: new Map() };
    caches.set(calendar, cache);
  }
  return cache;
}

/** Days since 1970-01-01 of a civil date (the "day number" used to walk the calendar). */
function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function civilDate(dayNo: number): CivilDate {
  const d = new Date(dayNo * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The local day number of an instant in the calendar's zone. */
function localDayNumber(epochMs: number, calendar: BusinessCalendar): number {
  const w = wallTime(epochMs, calendar.timeZone);
  return dayNumber(w.year, w.month, w.day);
}

function holidaySet(year: number, calendar: BusinessCalendar, cache: CalendarCache): ReadonlySet<string> {
  let set = cache.holidays.get(year);
  if (!set) {
    set = new Set(calendar.holidays(year).map((h) => h.date));
    cache.holidays.set(year, set);
  }
  return set;
}

function businessInterval(dayNo: number, calendar: BusinessCalendar): Interval {
  const cache = cacheOf(calendar);
  const cached = cache.intervals.get(dayNo);
  if (cached !== undefined) return cached;
  const date = civilDate(dayNo);
  // ISO weekday: 1970-01-01 was a Thursday (4).
  const isoWeekday = ((((dayNo + 3) % 7) + 7) % 7) + 1;
  let interval: Interval = null;
  if (
    calendar.workingDays.includes(isoWeekday) &&
    !holidaySet(date.year, calendar, cache).has(formatCivilDate(date))
  ) {
    const at = (t: { hour: number; minute: number }) =>
      zonedTimeToEpoch({ ...date, hour: t.hour, minute: t.minute, second: 0 }, calendar.timeZone);
    interval = [at(calendar.opensAt), at(calendar.closesAt)];
  }
  if (cache.intervals.size >= MAX_CACHED_DAYS) cache.intervals.clear();
  cache.intervals.set(dayNo, interval);
  return interval;
}

/**
 * Whether an instant is business time (inside [opening, closing) of a business day).
 * @example isBusinessTime(new Date("2026-11-27T08:00:00Z")) // true (Friday 09:00 in Paris)
 */
export function isBusinessTime(at: Date, calendar: BusinessCalendar = parisBusinessCalendar): boolean {
  const t = epochOf(at);
  const interval = businessInterval(localDayNumber(t, calendar), calendar);
  return interval !== null && t >= interval[0] && t < interval[1];
}

/**
 * The first business instant at or after `at`: `at` itself during business hours, otherwise the
 * next opening. This is where an SLA clock starts.
 * @example clockStartAt(new Date("2026-11-28T11:00:00Z")).toISOString() // "2026-11-30T08:00:00.000Z" (Saturday → Monday 09:00)
 */
export function clockStartAt(at: Date, calendar: BusinessCalendar = parisBusinessCalendar): Date {
  const t = epochOf(at);
  let dayNo = localDayNumber(t, calendar);
  for (let i = 0; i < MAX_CLOSED_DAYS; i++, dayNo++) {
    const interval = businessInterval(dayNo, calendar);
    if (interval && interval[1] > t) return new Date(Math.max(interval[0], t));
  }
  throw new RangeError("the calendar has no business day");
}

/**
 * The next opening strictly after `at` (during business hours: the next business day's opening).
 * @example nextOpeningAt(new Date("2026-11-27T10:00:00Z")).toISOString() // "2026-11-30T08:00:00.000Z"
 */
export function nextOpeningAt(at: Date, calendar: BusinessCalendar = parisBusinessCalendar): Date {
  const t = epochOf(at);
  let dayNo = localDayNumber(t, calendar);
  for (let i = 0; i < MAX_CLOSED_DAYS; i++, dayNo++) {
    const interval = businessInterval(dayNo, calendar);
    if (interval && interval[0] > t) return new Date(interval[0]);
  }
  throw new RangeError("the calendar has no business day");
}

/**
 * Business time in [from, to), in milliseconds; 0 when `to` is not after `from`.
 * @example businessMillisBetween(new Date("2026-11-27T16:00:00Z"), new Date("2026-11-30T09:00:00Z")) // 7_200_000 (Fri 17:00–18:00 and Mon 09:00–10:00, Paris)
 */
export function businessMillisBetween(
  from: Date,
  to: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): number {
  const start = epochOf(from);
  const end = epochOf(to);
  if (end <= start) return 0;
  const lastDay = localDayNumber(end, calendar);
  let total = 0;
  for (let dayNo = localDayNumber(start, calendar); dayNo <= lastDay; dayNo++) {
    const interval = businessInterval(dayNo, calendar);
    if (!interval) continue;
    const overlap = Math.min(interval[1], end) - Math.max(interval[0], start);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/**
 * The instant reached after `millis` of business time counted from `from` (outside business hours
 * the count starts at the next opening). A target reached exactly at closing time is due at
 * closing time that day. `millis` ≤ 0 gives `clockStartAt(from)`.
 * @example addBusinessMillis(new Date("2026-11-27T16:00:00Z"), 9 * 3_600_000).toISOString() // "2026-11-30T16:00:00.000Z" (Fri 17:00 + 9 h → Mon 17:00)
 */
export function addBusinessMillis(
  from: Date,
  millis: number,
  calendar: BusinessCalendar = parisBusinessCalendar,
): Date {
  const t = epochOf(from);
  if (!Number.isFinite(millis)) throw new RangeError(`millis must be finite, got ${millis}`);
  if (millis <= 0) return clockStartAt(from, calendar);
  let remaining = millis;
  let dayNo = localDayNumber(t, calendar);
  let closedInARow = 0;
  for (;;) {
    const interval = businessInterval(dayNo, calendar);
    if (interval && interval[1] > t) {
      closedInARow = 0;
      const start = Math.max(interval[0], t);
      const available = interval[1] - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    } else if (++closedInARow > MAX_CLOSED_DAYS) {
      throw new RangeError("the calendar has no business day");
    }
    dayNo++;
  }
}
