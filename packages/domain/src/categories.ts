/** Request categories, the support option each one needs, and whether an organization may open one. */

import { entitlements } from "./entitlements.ts";
import { DomainError } from "./errors.ts";
import type { Localized } from "./i18n.ts";
import type { Availability, SupportOptionId } from "./options.ts";
import { type TierId, tierIds } from "./tiers.ts";

export const requestCategoryIds = [
  "usage-question",
  "bug",
  "environment-administration",
  "developer-question",
  "custom-development",
] as const;
export type RequestCategoryId = (typeof requestCategoryIds)[number];

export interface RequestCategory {
  readonly id: RequestCategoryId;
  readonly label: Localized;
  /** One line that helps a customer pick the right category. */
  readonly hint: Localized;
  /** The option the organization needs for this category. */
  readonly requiredOption: SupportOptionId;
  /** Whether opening it starts a paid quote (custom development, "sur devis"). */
  readonly opensQuote: boolean;
}

/**
 * Every request category, in the order forms offer them.
 * @example requestCategories.bug.requiredOption // "end-user-support"
 */
export const requestCategories: Readonly<Record<RequestCategoryId, RequestCategory>> = {
  "usage-question": {
    id: "usage-question",
    label: { fr: "Question d’utilisation", en: "Usage question" },
    hint: {
      fr: "Comment faire quelque chose dans Cirrus Shield, en tant qu’utilisateur ou administrateur.",
      en: "How to do something in Cirrus Shield, as a user or an administrator.",
    },
    requiredOption: "end-user-support",
    opensQuote: false,
  },
  bug: {
    id: "bug",
    label: { fr: "Problème avec le produit (bug)", en: "Problem with the product (bug)" },
    hint: {
      fr: "Quelque chose ne fonctionne pas comme prévu.",
      en: "Something does not work as expected.",
    },
    requiredOption: "end-user-support",
    opensQuote: false,
  },
  "environment-administration": {
    id: "environment-administration",
    label: { fr: "Administration de l’environnement", en: "Environment administration" },
    hint: {
      fr: "Un paramétrage simple ou avancé à réaliser pour vous, sans développement de code.",
      en: "A simple or advanced configuration task done for you, without code development.",
    },
    requiredOption: "environment-administration",
    opensQuote: false,
  },
  "developer-question": {
    id: "developer-question",
    label: { fr: "Question de développeur", en: "Developer question" },
    hint: {
      fr: "Une question technique (API, scripts, intégrations) ; réponse sans développement de code.",
      en: "A technical question (API, scripts, integrations); answered without code development.",
    },
    requiredOption: "developer-support",
    opensQuote: false,
  },
  "custom-development": {
    id: "custom-development",
    label: { fr: "Développement spécifique (sur devis)", en: "Custom development (on quote)" },
    hint: {
      fr: "Décrivez le besoin : nous vous proposons un devis (montant HT, charge estimée, validité).",
      en: "Describe the need: we send you a quote (amount excl. VAT, estimated effort, validity).",
    },
    requiredOption: "custom-development",
    opensQuote: true,
  },
};

/**
 * Whether a value is a request category id.
 * @example isRequestCategoryId("bug") // true
 */
export function isRequestCategoryId(value: unknown): value is RequestCategoryId {
  return typeof value === "string" && (requestCategoryIds as readonly string[]).includes(value);
}

const openable: readonly Availability[] = ["included", "quote"];

/**
 * Whether an organization with this tier and these add-ons may open a request of this category.
 * `custom-development` is open where it is "sur devis" (it opens a quote).
 * @example canOpenRequest("paying", [], "developer-question") // false
 * @example canOpenRequest("paying", ["developer-support"], "developer-question") // true
 */
export function canOpenRequest(
  tier: TierId,
  addOns: readonly SupportOptionId[],
  category: RequestCategoryId,
): boolean {
  const option = requestCategories[category].requiredOption;
  return openable.includes(entitlements(tier, addOns)[option]);
}

/**
 * The categories an organization may open, in form order.
 * @example openableCategories("free", []) // []
 */
export function openableCategories(tier: TierId, addOns: readonly SupportOptionId[]): RequestCategoryId[] {
  return requestCategoryIds.filter((category) => canOpenRequest(tier, addOns, category));
}

/** Why a category is out of reach, and what would give access to it. */
export interface CategoryAccess {
  readonly category: RequestCategoryId;
  readonly allowed: boolean;
  readonly requiredOption: SupportOptionId;
  /** Whether the organization's tier can buy the missing option as an add-on. */
  readonly purchasableAsAddOn: boolean;
  /** Tiers whose plan includes the option (or offers it on quote). */
  readonly tiersWithOption: TierId[];
}

/**
 * Explains access to a category, for forms (disabled with the reason) and 403 messages.
 * @example categoryAccess("paying", [], "developer-question").purchasableAsAddOn // true
 */
export function categoryAccess(
  tier: TierId,
  addOns: readonly SupportOptionId[],
  category: RequestCategoryId,
): CategoryAccess {
  const requiredOption = requestCategories[category].requiredOption;
  const base = entitlements(tier)[requiredOption];
  return {
    category,
    allowed: canOpenRequest(tier, addOns, category),
    requiredOption,
    purchasableAsAddOn: base === "add-on",
    tiersWithOption: tierIds.filter((t) => openable.includes(entitlements(t)[requiredOption])),
  };
}

/**
 * Throws `not-entitled` (with the access explanation as details) when the category is not allowed.
 * @example assertCanOpenRequest("free", [], "bug") // throws DomainError "not-entitled"
 */
export function assertCanOpenRequest(
  tier: TierId,
  addOns: readonly SupportOptionId[],
  category: RequestCategoryId,
): void {
  const access = categoryAccess(tier, addOns, category);
  if (!access.allowed) {
    throw new DomainError(
      "not-entitled",
      `tier "${tier}" cannot open "${category}" requests: needs "${access.requiredOption}"`,
      { tier, ...access },
    );
  }
}
