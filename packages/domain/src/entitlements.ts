/** What an organization may use: its tier's availability with purchased add-ons counted as included. */
import { DomainError } from "./errors.ts";
import { type Availability, type SupportOptionId, supportOptionIds, supportOptions } from "./options.ts";
import type { TierId } from "./tiers.ts";

export type Entitlements = Readonly<Record<SupportOptionId, Availability>>;

/**
 * The options a tier can buy on top of its plan (availability `add-on`).
 * @example purchasableAddOns("paying") // ["environment-administration", "developer-support"]
 */
export function purchasableAddOns(tier: TierId): SupportOptionId[] {
  return supportOptionIds.filter((id) => supportOptions[id].availability[tier] === "add-on");
}

/**
 * Effective availability of every option for a tier and its purchased add-ons. A purchased add-on
 * counts as `included`; an add-on the tier cannot buy is ignored (an organization that moves to a
 * tier where the option is already included, or not offered, keeps a harmless record of it).
 * @example entitlements("paying", ["developer-support"])["developer-support"] // "included"
 */
export function entitlements(tier: TierId, addOns: readonly SupportOptionId[] = []): Entitlements {
  const result = {} as Record<SupportOptionId, Availability>;
  for (const id of supportOptionIds) {
    const base = supportOptions[id].availability[tier];
    result[id] = base === "add-on" && addOns.includes(id) ? "included" : base;
  }
  return result;
}

/**
 * Checks that every add-on can be bought by the tier; throws `invalid-add-on` otherwise.
 * Used when staff set an organization's add-ons.
 * @example assertValidAddOns("premium", ["developer-support"]) // throws: already included
 */
export function assertValidAddOns(tier: TierId, addOns: readonly SupportOptionId[]): void {
  const allowed = purchasableAddOns(tier);
  const invalid = addOns.filter((id) => !allowed.includes(id));
  if (invalid.length > 0) {
    throw new DomainError("invalid-add-on", `tier "${tier}" cannot buy: ${invalid.join(", ")}`, {
      tier,
      invalid,
      allowed,
    });
  }
}
