/** The three support tiers (stable ids), their labels and their first-response service level. */
import type { Localized } from "./i18n.ts";

export const tierIds = ["free", "paying", "premium"] as const;
export type TierId = (typeof tierIds)[number];

export interface Tier {
  readonly id: TierId;
  /** Column header of the seed table, as published (FR) and on the vendor's English page. */
  readonly label: Localized;
  /** First-response target in business days ("Niveau de service"); null: no SLA. */
  readonly slaBusinessDays: number | null;
}

/**
 * Every tier in the seed table's column order.
 * @example tiers.premium.slaBusinessDays // 1
 */
export const tiers: Readonly<Record<TierId, Tier>> = {
  free: { id: "free", label: { fr: "Version Gratuite", en: "Free version" }, slaBusinessDays: null },
  paying: { id: "paying", label: { fr: "Client Payant", en: "Paying customer" }, slaBusinessDays: 2 },
  premium: { id: "premium", label: { fr: "Support Premium", en: "Premium support" }, slaBusinessDays: 1 },
};

/**
 * Whether a value is a tier id.
 * @example isTierId("premium") // true
 */
export function isTierId(value: unknown): value is TierId {
  return typeof value === "string" && (tierIds as readonly string[]).includes(value);
}
