/**
 * Worked examples of the first-response deadline, computed from the domain's calendar at build
 * time: the dates move with the calendar, the rule stays the domain's.
 */
import {
  type BusinessCalendar,
  clockStartAt,
  easterSunday,
  firstResponseDueAt,
  type Holiday,
  isBusinessTime,
  parisBusinessCalendar,
  type TierId,
  tiers,
  wallTime,
  zonedTimeToEpoch,
} from "@cirrus/domain";

export const slaScenarioIds = [
  "monday-morning",
  "friday-afternoon",
  "saturday-noon",
  "at-closing",
  "ascension-eve",
  "christmas-eve",
] as const;
export type SlaScenarioId = (typeof slaScenarioIds)[number];

/** One row of the examples table, with the facts its explanation is written from. */
export interface SlaExample {
  readonly scenario: SlaScenarioId;
  readonly tier: TierId;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  /** When the clock starts (the next opening when received outside business hours). */
  readonly clockStartsAt: Date;
  readonly receivedOutsideHours: boolean;
  /** Public holidays on working days between the clock start and the due time. */
  readonly skippedHolidays: readonly Holiday[];
  /** Whether a weekend lies between the clock start and the due time. */
  readonly skipsWeekend: boolean;
  /** Whether the deadline falls exactly at closing time. */
  readonly endsAtClosing: boolean;
}

const DAY_MS = 86_400_000;
type Civil = { year: number; month: number; day: number };

function civilOf(at: Date, calendar: BusinessCalendar): Civil {
  const { year, month, day } = wallTime(at.getTime(), calendar.timeZone);
  return { year, month, day };
}
function dayNo({ year, month, day }: Civil): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
function civil(n: number): Civil {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
function isoWeekday(n: number): number {
  return ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1;
}
function iso(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
function holidayOn(n: number, calendar: BusinessCalendar): Holiday | undefined {
  return calendar.holidays(civil(n).year).find((h) => h.date === iso(n));
}
function at(n: number, hour: number, minute: number, calendar: BusinessCalendar): Date {
  return new Date(zonedTimeToEpoch({ ...civil(n), hour, minute, second: 0 }, calendar.timeZone));
}

/** The first Monday after `today` whose week and the following Monday–Tuesday have no holiday. */
function referenceMonday(today: number, calendar: BusinessCalendar): number {
  let n = today + 1;
  while (isoWeekday(n) !== 1) n++;
  for (; ; n += 7) {
    const span = Array.from({ length: 9 }, (_, i) => n + i);
    if (span.every((d) => !holidayOn(d, calendar))) return n;
  }
}

/** Ascension Thursday on or after `today` (this year's if still ahead, else next year's). */
function nextAscension(today: number): number {
  const { year } = civil(today);
  for (const y of [year, year + 1]) {
    const easter = easterSunday(y);
    const n = dayNo(easter) + 39;
    if (n >= today) return n;
  }
  throw new Error("unreachable: Ascension always falls within two years");
}

function nextChristmasEve(today: number): number {
  const { year } = civil(today);
  const thisYear = dayNo({ year, month: 12, day: 24 });
  return thisYear >= today ? thisYear : dayNo({ year: year + 1, month: 12, day: 24 });
}

function scenarioTimes(now: Date, calendar: BusinessCalendar): Record<SlaScenarioId, Date> {
  const today = dayNo(civilOf(now, calendar));
  const monday = referenceMonday(today, calendar);
  const { hour: closeH, minute: closeM } = calendar.closesAt;
  return {
    "monday-morning": at(monday, 10, 0, calendar),
    "friday-afternoon": at(monday + 4, 17, 0, calendar),
    "saturday-noon": at(monday + 5, 12, 0, calendar),
    "at-closing": at(monday + 1, closeH, closeM, calendar),
    "ascension-eve": at(nextAscension(today) - 1, 10, 0, calendar),
    "christmas-eve": at(nextChristmasEve(today), 10, 0, calendar),
  };
}

function explain(
  scenario: SlaScenarioId,
  tier: TierId,
  receivedAt: Date,
  dueAt: Date,
  calendar: BusinessCalendar,
): SlaExample {
  const clockStartsAt = clockStartAt(receivedAt, calendar);
  const from = dayNo(civilOf(clockStartsAt, calendar));
  const to = dayNo(civilOf(dueAt, calendar));
  const between = Array.from({ length: Math.max(0, to - from - 1) }, (_, i) => from + 1 + i);
  const due = wallTime(dueAt.getTime(), calendar.timeZone);
  return {
    scenario,
    tier,
    receivedAt,
    dueAt,
    clockStartsAt,
    receivedOutsideHours: !isBusinessTime(receivedAt, calendar),
    // The clock starts and ends on business days, so only the days strictly between can be holidays.
    skippedHolidays: between
      .filter((n) => calendar.workingDays.includes(isoWeekday(n)))
      .map((n) => holidayOn(n, calendar))
      .filter((h): h is Holiday => h !== undefined),
    skipsWeekend: between.some((n) => !calendar.workingDays.includes(isoWeekday(n))),
    endsAtClosing: due.hour === calendar.closesAt.hour && due.minute === calendar.closesAt.minute,
  };
}

/**
 * Every scenario for every tier with a service level, in table order.
 * @example slaExamples(new Date("2026-11-26T12:00:00Z"))[0] // Monday 30 Nov 2026 10:00, paying → Wednesday 2 Dec 10:00
 */
export function slaExamples(now: Date, calendar: BusinessCalendar = parisBusinessCalendar): SlaExample[] {
  const times = scenarioTimes(now, calendar);
  const withSla = (Object.keys(tiers) as TierId[]).filter((tier) => tiers[tier].slaBusinessDays !== null);
  return slaScenarioIds.flatMap((scenario) =>
    withSla.map((tier) => {
      const receivedAt = times[scenario];
      const dueAt = firstResponseDueAt(tier, receivedAt, calendar);
      if (!dueAt) throw new Error(`tier "${tier}" has a service level but no due time`);
      return explain(scenario, tier, receivedAt, dueAt, calendar);
    }),
  );
}
