/**
 * The live SLA state of a request in an agent's words: business time remaining ("3 h 20 ouvrées
 * restantes"), "dû aujourd’hui à 17:00", "en retard de 2 h ouvrées", paused, or nothing due.
 * Business time is the API's `remainingBusinessMillis` (the domain's calendar: 09:00–18:00 Paris,
 * working days); dates and times are Paris time.
 */
import { type Locale, localDateOf, parisBusinessCalendar } from "@cirrus/domain";
import { formatTime } from "@cirrus/ui";
import { translate } from "../i18n/index.ts";

const NBSP = "\u00a0";
const MINUTE = 60_000;

/**
 * A span of business time, to the minute below: "3 h 20", "3 h", "45 min" (no-break spaces).
 * @example formatBusinessDuration(12_000_000, "fr") // "3 h 20"
 * @example formatBusinessDuration(12_000_000, "en") // "3 h 20 min"
 */
export function formatBusinessDuration(millis: number, locale: Locale): string {
  const minutes = Math.floor(Math.abs(millis) / MINUTE);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  if (rest === 0) return `${hours}${NBSP}h`;
  const padded = String(rest).padStart(2, "0");
  return locale === "fr" ? `${hours}${NBSP}h${NBSP}${padded}` : `${hours}${NBSP}h${NBSP}${padded}${NBSP}min`;
}

/** How urgent the running clock is. */
export type SlaTone = "on-track" | "due-today" | "breached" | "paused" | "none";

export interface SlaDisplay {
  readonly tone: SlaTone;
  /** The main words: time left, time overdue, paused, or "—". */
  readonly text: string;
  /** When it is due, in words ("dû aujourd’hui à 17:00"), when something is due. */
  readonly due: string | null;
}

/** What the API says about a request's running clock (its `sla`). */
export interface SlaFacts {
  readonly phase: "first-response" | "reply" | "paused" | "none";
  readonly dueAt: string | null;
  readonly remainingBusinessMillis: number | null;
  readonly breached: boolean;
}

const shortDates = new Map<Locale, Intl.DateTimeFormat>();

function shortDate(at: Date, locale: Locale): string {
  let format = shortDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: parisBusinessCalendar.timeZone,
    });
    shortDates.set(locale, format);
  }
  return format.format(at);
}

/**
 * When something is due, relative to today in Paris: today, tomorrow, or a short date; with the time.
 * @example dueWhen(new Date("2026-11-27T16:00:00Z"), new Date("2026-11-27T08:00:00Z"), "fr") // "dû aujourd’hui à 17:00"
 */
export function dueWhen(dueAt: Date, now: Date, locale: Locale): string {
  const time = formatTime(dueAt, locale);
  const day = localDateOf(dueAt);
  if (day === localDateOf(now)) return translate(locale, "sla.dueToday", { time });
  if (day === localDateOf(new Date(now.getTime() + 86_400_000)))
    return translate(locale, "sla.dueTomorrow", { time });
  return translate(locale, "sla.dueOn", { date: shortDate(dueAt, locale), time });
}

/**
 * The SLA cell of a request at `now`.
 * @example slaDisplay({ phase: "first-response", dueAt, remainingBusinessMillis: 12_000_000, breached: false }, now, "fr").text // "3 h 20 ouvrées restantes"
 */
export function slaDisplay(sla: SlaFacts, now: Date, locale: Locale): SlaDisplay {
  if (sla.phase === "paused") return { tone: "paused", text: translate(locale, "sla.paused"), due: null };
  if (!sla.dueAt || sla.remainingBusinessMillis === null || sla.phase === "none") {
    return { tone: "none", text: translate(locale, "sla.none"), due: null };
  }
  const dueAt = new Date(sla.dueAt);
  const due = dueWhen(dueAt, now, locale);
  const left = sla.remainingBusinessMillis;
  if (sla.breached) {
    // Overdue outside business hours counts no business time yet: "overdue" without an amount.
    const text =
      Math.abs(left) < MINUTE
        ? translate(locale, "sla.overdue")
        : translate(locale, "sla.overdueBy", { duration: formatBusinessDuration(left, locale) });
    return { tone: "breached", text, due };
  }
  const text =
    left < MINUTE
      ? translate(locale, "sla.lessThanAMinute")
      : translate(locale, "sla.left", { duration: formatBusinessDuration(left, locale) });
  return { tone: localDateOf(dueAt) === localDateOf(now) ? "due-today" : "on-track", text, due };
}
