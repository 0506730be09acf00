/** Dates and times as readers of each locale expect them, always in the business calendar's zone. */
import { type Locale, parisBusinessCalendar } from "@cirrus/domain";

const intlLocale: Readonly<Record<Locale, string>> = { fr: "fr-FR", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: "date" | "time" | "weekday", timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : kind === "time"
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : { weekday: "long" };
    f = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/**
 * A long date with its weekday.
 * @example formatDate(new Date("2026-04-06T10:00:00Z"), "fr") // "lundi 6 avril 2026"
 */
export function formatDate(at: Date, locale: Locale, timeZone = parisBusinessCalendar.timeZone): string {
  return formatter(locale, "date", timeZone).format(at);
}

/**
 * A time of day on the 24-hour clock.
 * @example formatTime(new Date("2026-04-06T08:00:00Z"), "en") // "10:00"
 */
export function formatTime(at: Date, locale: Locale, timeZone = parisBusinessCalendar.timeZone): string {
  return formatter(locale, "time", timeZone).format(at);
}

/**
 * Weekday, date and time.
 * @example formatDateTime(new Date("2026-04-06T08:00:00Z"), "fr") // "lundi 6 avril 2026 à 10:00"
 */
export function formatDateTime(at: Date, locale: Locale, timeZone = parisBusinessCalendar.timeZone): string {
  const joiner = locale === "fr" ? " à " : ", ";
  return `${formatDate(at, locale, timeZone)}${joiner}${formatTime(at, locale, timeZone)}`;
}

/**
 * A civil date `YYYY-MM-DD` (a holiday) as a long date; noon UTC keeps it on the same day everywhere.
 * @example formatCivilDateLong("2026-05-14", "en") // "Thursday, 14 May 2026"
 */
export function formatCivilDateLong(date: string, locale: Locale): string {
  return formatter(locale, "date", "UTC").format(new Date(`${date}T12:00:00Z`));
}

/**
 * The name of an ISO weekday (1 = Monday … 7 = Sunday).
 * @example weekdayName(1, "fr") // "lundi"
 */
export function weekdayName(isoWeekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  return formatter(locale, "weekday", "UTC").format(new Date(Date.UTC(2024, 0, isoWeekday, 12)));
}
