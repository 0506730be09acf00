/**
 * Service levels: first-response and reply-due targets (kept as business minutes, never "days")
 * and the due times computed from them on the business calendar.
 */

import { addBusinessMillis } from "./business-time.ts";
import { type BusinessCalendar, businessMinutesPerDay, parisBusinessCalendar } from "./calendar.ts";
import type { Locale, Localized } from "./i18n.ts";
import { type TierId, tiers } from "./tiers.ts";

const MINUTE_MS = 60_000;

/**
 * A tier's response target in business minutes (N business days × minutes per business day);
 * null for a tier without SLA.
 * @example slaTargetMinutes("paying") // 1080
 */
export function slaTargetMinutes(
  tier: TierId,
  calendar: BusinessCalendar = parisBusinessCalendar,
): number | null {
  const days = tiers[tier].slaBusinessDays;
  return days === null ? null : days * businessMinutesPerDay(calendar);
}

/**
 * The due time `targetMinutes` of business time after `startAt`.
 * @example dueAfterBusinessMinutes(new Date("2026-11-30T09:00:00Z"), 540) // Tuesday 10:00 Paris
 */
export function dueAfterBusinessMinutes(
  startAt: Date,
  targetMinutes: number,
  calendar: BusinessCalendar = parisBusinessCalendar,
): Date {
  return addBusinessMillis(startAt, targetMinutes * MINUTE_MS, calendar);
}

/**
 * When the first response to a request received at `receivedAt` is due; null for `free`.
 * @example firstResponseDueAt("premium", new Date("2026-11-27T16:00:00Z")) // Monday 30 Nov 17:00 Paris
 */
export function firstResponseDueAt(
  tier: TierId,
  receivedAt: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): Date | null {
  const minutes = slaTargetMinutes(tier, calendar);
  return minutes === null ? null : dueAfterBusinessMinutes(receivedAt, minutes, calendar);
}

/**
 * When the answer to a later customer message (one that waits for an agent) is due: the same
 * target as the first response, counted from that message. Null for `free`.
 * @example replyDueAt("paying", new Date("2026-05-13T08:00:00Z")) // Monday 18 May 2026 10:00 Paris (Ascension skipped)
 */
export function replyDueAt(
  tier: TierId,
  customerMessageAt: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): Date | null {
  return firstResponseDueAt(tier, customerMessageAt, calendar);
}

const businessDayWords: Record<Locale, readonly [singular: string, plural: string]> = {
  fr: ["jour ouvré", "jours ouvrés"],
  en: ["business day", "business days"],
};

/**
 * The published service level of a tier ("2 jours ouvrés"), or null without SLA.
 * @example serviceLevelLabel("premium", "fr") // "1 jour ouvré"
 */
export function serviceLevelLabel(tier: TierId, locale: Locale): string | null {
  const days = tiers[tier].slaBusinessDays;
  if (days === null) return null;
  const [singular, plural] = businessDayWords[locale];
  return `${days} ${days === 1 ? singular : plural}`;
}

/**
 * The "Niveau de service" row heading of the seed table.
 * @example serviceLevelHeading.fr // "Niveau de service"
 */
export const serviceLevelHeading: Localized = { fr: "Niveau de service", en: "Service level" };
