/**
 * Business labels as the staff pages show them, all from @cirrus/domain (never typed here), with
 * one exception: the domain's French label of `waiting-on-customer` speaks to the customer ("En
 * attente de votre réponse"), which would tell an agent the opposite of the truth; the staff pages
 * say "En attente du client" (interface word `staff.status.waiting-on-customer`) until the domain
 * has a staff wording.
 */
import {
  availabilityLabels,
  criticalities,
  isCriticalityId,
  isRequestCategoryId,
  isRequestStatusId,
  isRoleId,
  isSupportOptionId,
  isTierId,
  type Locale,
  localize,
  requestCategories,
  requestStatuses,
  roles,
  supportOptions,
  tiers,
} from "@cirrus/domain";
import { translate } from "../i18n/index.ts";

/**
 * A request status for staff.
 * @example staffStatusLabel("waiting-on-customer", "fr") // "En attente du client"
 */
export function staffStatusLabel(status: string, locale: Locale): string {
  if (status === "waiting-on-customer") return translate(locale, "staff.status.waiting-on-customer");
  return isRequestStatusId(status) ? localize(requestStatuses[status].label, locale) : status;
}

/** @example tierLabel("premium", "fr") // "Support Premium" */
export function tierLabel(tier: string, locale: Locale): string {
  return isTierId(tier) ? localize(tiers[tier].label, locale) : tier;
}

/** A criticality; none is "unclassified". @example criticalityLabel(null, "fr") // "Non classée" */
export function criticalityLabel(criticality: string | null, locale: Locale): string {
  return isCriticalityId(criticality)
    ? localize(criticalities[criticality].label, locale)
    : translate(locale, "queue.unclassified");
}

/** @example categoryLabel("bug", "en") // "Problem with the product (bug)" */
export function categoryLabel(category: string, locale: Locale): string {
  return isRequestCategoryId(category) ? localize(requestCategories[category].label, locale) : category;
}

/** @example roleLabel("agent", "fr") // "Agent du support" */
export function roleLabel(role: string, locale: Locale): string {
  return isRoleId(role) ? localize(roles[role], locale) : role;
}

/** @example optionLabel("developer-support", "en") // "Developer support (answers, no code)" */
export function optionLabel(option: string, locale: Locale): string {
  return isSupportOptionId(option) ? localize(supportOptions[option].label, locale) : option;
}

/** @example availabilityLabel("add-on", "fr") // "En option" */
export function availabilityLabel(availability: string, locale: Locale): string {
  return availability in availabilityLabels
    ? localize(availabilityLabels[availability as keyof typeof availabilityLabels], locale)
    : availability;
}
