/** The business calendar: time zone, opening hours, working days and public holidays. */
import { frenchPublicHolidays, type Holiday } from "./holidays.ts";

/** A wall-clock time of day. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

export interface BusinessCalendar {
  /** IANA time zone the hours are read in. */
  readonly timeZone: string;
  /** Opening time (inclusive). */
  readonly opensAt: TimeOfDay;
  /** Closing time (exclusive): business time is [opensAt, closesAt) of each business day. */
  readonly closesAt: TimeOfDay;
  /** ISO weekdays that are worked: 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Public holidays of a year, as local dates. */
  readonly holidays: (year: number) => readonly Holiday[];
}

/**
 * Cirrus Shield's support calendar (seed: "Lundi à Vendredi de 09:00 à 18:00"), Europe/Paris,
 * closed on French public holidays.
 * @example parisBusinessCalendar.opensAt // { hour: 9, minute: 0 }
 */
export const parisBusinessCalendar: BusinessCalendar = Object.freeze({
  timeZone: "Europe/Paris",
  opensAt: Object.freeze({ hour: 9, minute: 0 }),
  closesAt: Object.freeze({ hour: 18, minute: 0 }),
  workingDays: Object.freeze([1, 2, 3, 4, 5]),
  holidays: frenchPublicHolidays,
});

/**
 * Length of one business day in minutes (540 for 09:00–18:00).
 * @example businessMinutesPerDay() // 540
 */
export function businessMinutesPerDay(calendar: BusinessCalendar = parisBusinessCalendar): number {
  const { opensAt, closesAt } = calendar;
  return closesAt.hour * 60 + closesAt.minute - (opensAt.hour * 60 + opensAt.minute);
}

/**
 * Formats a time of day as `HH:MM`.
 * @example formatTimeOfDay({ hour: 9, minute: 0 }) // "09:00"
 */
export function formatTimeOfDay({ hour, minute }: TimeOfDay): string {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
