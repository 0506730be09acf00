/** The organization's plan as the domain sees it (tier and add-ons), checked at the boundary. */
import {
  canOpenRequest,
  categoryAccess,
  classifiesCriticality,
  isSupportOptionId,
  isTierId,
  type RequestCategoryId,
  requestCategoryIds,
  type SupportOptionId,
  type TierId,
} from "@cirrus/domain";
import type { Organization } from "./auth.ts";

export interface Plan {
  readonly tier: TierId;
  readonly addOns: readonly SupportOptionId[];
}

/**
 * The plan of an organization; an unknown tier counts as the most restrictive one.
 * @example planOf({ tier: "paying", addOns: ["developer-support"] }).addOns // ["developer-support"]
 */
export function planOf(org: Pick<Organization, "tier" | "addOns">): Plan {
  return {
    tier: isTierId(org.tier) ? org.tier : "free",
    addOns: (org.addOns as readonly string[]).filter(isSupportOptionId),
  };
}

/** Whether the plan allows opening any request at all (Free does not). */
export function canOpenAnyRequest(plan: Plan): boolean {
  return requestCategoryIds.some((category) => canOpenRequest(plan.tier, plan.addOns, category));
}

/** Whether the plan includes custom development on quote. */
export function canAskForQuote(plan: Plan): boolean {
  return canOpenRequest(plan.tier, plan.addOns, "custom-development");
}

/** The categories of the ordinary new-request form (quotes have their own form), with access. */
export function requestFormCategories(plan: Plan) {
  return requestCategoryIds
    .filter((category: RequestCategoryId) => category !== "custom-development")
    .map((category) => categoryAccess(plan.tier, plan.addOns, category));
}

/** Whether the customer classifies criticality when opening a request (the domain's rule, as the API applies it). */
export function choosesCriticality(plan: Plan): boolean {
  return classifiesCriticality(plan.tier);
}
