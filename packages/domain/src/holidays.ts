/** French public holidays (metropolitan France), computed for any Gregorian year. */
import type { Localized } from "./i18n.ts";

export interface Holiday {
  /** Local date in the calendar's time zone, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: Localized;
}

/** A calendar date without time or zone. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
 * @example easterSunday(2026) // { year: 2026, month: 4, day: 5 }
 */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * Formats a civil date as `YYYY-MM-DD` (years 0–9999).
 * @example formatCivilDate({ year: 2026, month: 5, day: 14 }) // "2026-05-14"
 */
export function formatCivilDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function shift(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * The eleven public holidays of metropolitan France for a year, sorted by date. Easter-based ones
 * are computed (Easter Monday, Ascension = Easter + 39 days, Whit Monday = Easter + 50 days).
 * When two fall on the same day (Ascension on 1 or 8 May) both are listed.
 * @example frenchPublicHolidays(2026)[0] // { date: "2026-01-01", name: { fr: "Jour de l’an", en: "New Year’s Day" } }
 */
export function frenchPublicHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): CivilDate => ({ year, month, day });
  const list: Array<[CivilDate, Localized]> = [
    [fixed(1, 1), { fr: "Jour de l’an", en: "New Year’s Day" }],
    [shift(easter, 1), { fr: "Lundi de Pâques", en: "Easter Monday" }],
    [fixed(5, 1), { fr: "Fête du Travail", en: "Labour Day" }],
    [fixed(5, 8), { fr: "Victoire 1945", en: "Victory in Europe Day" }],
    [shift(easter, 39), { fr: "Ascension", en: "Ascension Day" }],
    [shift(easter, 50), { fr: "Lundi de Pentecôte", en: "Whit Monday" }],
    [fixed(7, 14), { fr: "Fête nationale", en: "Bastille Day" }],
    [fixed(8, 15), { fr: "Assomption", en: "Assumption Day" }],
    [fixed(11, 1), { fr: "Toussaint", en: "All Saints’ Day" }],
    [fixed(11, 11), { fr: "Armistice 1918", en: "Armistice Day" }],
    [fixed(12, 25), { fr: "Noël", en: "Christmas Day" }],
  ];
  return list
    .map(([date, name]) => ({ date: formatCivilDate(date), name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
