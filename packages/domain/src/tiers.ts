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
  /** Whether the customer classifies criticality when opening a request (the seed's Premium section). */
  readonly classifiesCriticality: boolean;
}

/**
 * Every tier in the seed table's column order.
 * @example tiers.premium.slaBusinessDays // 1
 */
export const tiers: Readonly<Record<TierId, Tier>> = {
  free: {
    id: "free",
    label: { fr: "Version Gratuite", en: "Free version" },
    slaBusinessDays: null,
    classifiesCriticality: false,
  },
  paying: {
    id: "paying",
    label: { fr: "Client Payant", en: "Paying customer" },
    slaBusinessDays: 2,
    classifiesCriticality: false,
  },
  premium: {
    id: "premium",
    label: { fr: "Support Premium", en: "Premium support" },
    slaBusinessDays: 1,
    classifiesCriticality: true,
  },
};

/**
 * Whether a value is a tier id.
 * @example isTierId("premium") // true
 */
export function isTierId(value: unknown): value is TierId {
  return typeof value === "string" && (tierIds as readonly string[]).includes(value);
}

/**
 * Whether customers of a tier classify their requests' criticality ("Support Premium –
 * Classification des demandes de support"); staff may classify any request.
 * @example classifiesCriticality("premium") // true
 */
export function classifiesCriticality(tier: TierId): boolean {
  return tiers[tier].classifiesCriticality;
}
