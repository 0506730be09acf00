/**
 * The dashboard's words and numbers: dates of the series (Paris civil dates from the API), percents,
 * median business times, and which days get a label under the chart. The figures themselves are
 * computed by the API (GET /v1/agent/dashboard); nothing is recomputed here.
 */
import type { Locale } from "@cirrus/domain";
import type { Datum } from "./charts.ts";
import { formatBusinessDuration } from "./sla-display.ts";

const intlLocale: Readonly<Record<Locale, string>> = { fr: "fr-FR", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function civil(date: string, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: "UTC" });
    cache.set(key, format);
  }
  // Noon UTC keeps a civil date on its day.
  return format.format(new Date(`${date}T12:00:00Z`));
}

/**
 * A civil date in short: "2 nov." / "2 Nov".
 * @example shortDay("2026-11-02", "fr") // "2 nov."
 */
export function shortDay(date: string, locale: Locale): string {
  return civil(date, locale, { day: "numeric", month: "short" });
}

/**
 * A civil date with its weekday: "lun. 2 nov." / "Mon 2 Nov".
 * @example dayWithWeekday("2026-11-02", "fr") // "lun. 2 nov."
 */
export function dayWithWeekday(date: string, locale: Locale): string {
  return civil(date, locale, { weekday: "short", day: "numeric", month: "short" });
}

/**
 * "label: value" with the locale's typography (a no-break space before the French colon).
 * @example withValue("Critique", 3, "fr") // "Critique\u00a0: 3"
 */
export function withValue(label: string, value: number, locale: Locale): string {
  return locale === "fr"
    ? `${label}\u00a0: ${formatCount(value, locale)}`
    : `${label}: ${formatCount(value, locale)}`;
}

/** ISO weekday of a civil date, 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The per-day series as chart data: every Monday labelled (every other Monday past five weeks).
 * @example dailySeries([{ date: "2026-11-02", count: 3 }], "fr")[0].tick // "2 nov."
 */
export function dailySeries(days: ReadonlyArray<{ date: string; count: number }>, locale: Locale): Datum[] {
  const mondays = days.filter((d) => isoWeekday(d.date) === 1).map((d) => d.date);
  const step = mondays.length > 5 ? 2 : 1;
  const labelled = new Set(mondays.filter((_, index) => index % step === 0));
  return days.map((d) => ({
    label: withValue(dayWithWeekday(d.date, locale), d.count, locale),
    value: d.count,
    tick: labelled.has(d.date) ? shortDay(d.date, locale) : undefined,
  }));
}

/**
 * A percentage the API computed (0–100), or "—" when there was nothing to measure.
 * @example formatPercent(87.5, "fr") // "87,5 %" (narrow no-break space)
 */
export function formatPercent(percent: number | null, locale: Locale): string {
  if (percent === null) return "—";
  return new Intl.NumberFormat(intlLocale[locale], { style: "percent", maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

/**
 * A median in business minutes as a duration, or "—" without any first response.
 * @example formatMedian(200, "fr") // "3 h 20"
 */
export function formatMedian(minutes: number | null, locale: Locale): string {
  return minutes === null ? "—" : formatBusinessDuration(Math.round(minutes) * 60_000, locale);
}

/**
 * A count with the locale's grouping.
 * @example formatCount(1234, "fr") // "1 234" (narrow no-break space)
 */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(count);
}
