/** Dates, durations and amounts as the portal shows them, always in Paris time for instants. */
import { formatEuroCents, type Locale, parisBusinessCalendar } from "@cirrus/domain";
import { formatCivilDateLong, formatDateTime } from "@cirrus/ui";
import { plural, translate } from "../i18n/index.ts";

const intlLocale: Readonly<Record<Locale, string>> = { fr: "fr-FR", en: "en-GB" };

/**
 * A due time in full, with the time zone said in words.
 * @example formatDueTime("2026-11-27T16:00:00Z", "fr") // "vendredi 27 novembre 2026 à 17:00 (heure de Paris)"
 */
export function formatDueTime(iso: string, locale: Locale): string {
  return `${formatDateTime(new Date(iso), locale)} ${translate(locale, "time.parisSuffix")}`;
}

const shortFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A compact date and time for lists (Paris time).
 * @example formatShortDateTime("2026-11-27T16:00:00Z", "fr") // "27 nov. 2026, 17:00"
 */
export function formatShortDateTime(iso: string, locale: Locale): string {
  let f = shortFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: parisBusinessCalendar.timeZone,
      hourCycle: "h23",
    });
    shortFormats.set(locale, f);
  }
  return f.format(new Date(iso));
}

/**
 * A calendar date `YYYY-MM-DD` (a quote's last valid day) in words.
 * @example formatCivilDate("2026-12-31", "fr") // "jeudi 31 décembre 2026"
 */
export function formatCivilDate(date: string, locale: Locale): string {
  return formatCivilDateLong(date, locale);
}

/**
 * How long to wait before trying again, in seconds or rounded-up minutes.
 * @example formatWait(42, "fr") // "42 secondes"
 * @example formatWait(90, "en") // "2 minutes"
 */
export function formatWait(seconds: number, locale: Locale): string {
  if (seconds < 60) {
    const n = Math.max(1, Math.ceil(seconds));
    return translate(locale, plural(locale, n, "wait.seconds", "wait.secondsPlural"), { n });
  }
  const n = Math.ceil(seconds / 60);
  return translate(locale, plural(locale, n, "wait.minutes", "wait.minutesPlural"), { n });
}

/**
 * An effort in days (half days allowed).
 * @example formatEffort(2.5, "fr") // "2,5 jours"
 */
export function formatEffort(days: number, locale: Locale): string {
  const n = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(days);
  return translate(locale, plural(locale, days, "quotes.days", "quotes.daysPlural"), { n });
}

/**
 * An amount of euro cents excluding VAT (the domain's wording: "HT" / "excl. VAT").
 * @example formatAmount(480000, "fr") // "4 800,00 € HT"
 */
export function formatAmount(amountCents: number, locale: Locale): string {
  return formatEuroCents(amountCents, locale);
}
