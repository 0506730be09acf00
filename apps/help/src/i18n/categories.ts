/** The help center's article categories, in display order, with their titles in each language. */
import type { Locale, Localized } from "@cirrus/domain";

export const categoryIds = ["support-offer", "requests", "sla", "account"] as const;
export type CategoryId = (typeof categoryIds)[number];

export interface Category {
  readonly id: CategoryId;
  readonly title: Localized;
  readonly description: Localized;
}

/**
 * Every category of articles.
 * @example categories.sla.title.fr // "Horaires et délais"
 */
export const categories: Readonly<Record<CategoryId, Category>> = {
  "support-offer": {
    id: "support-offer",
    title: { fr: "Offre de support", en: "Support offer" },
    description: {
      fr: "Ce que comprend votre offre, les options disponibles et comment joindre le support.",
      en: "What your plan includes, the available add-ons and how to reach support.",
    },
  },
  requests: {
    id: "requests",
    title: { fr: "Vos demandes", en: "Your requests" },
    description: {
      fr: "Ouvrir une demande, choisir sa criticité, la suivre, y répondre et demander un devis.",
      en: "Open a request, choose its criticality, follow it, reply and ask for a quote.",
    },
  },
  sla: {
    id: "sla",
    title: { fr: "Horaires et délais", en: "Hours and response times" },
    description: {
      fr: "Les heures de support, les jours fériés et le calcul du délai de réponse.",
      en: "Support hours, public holidays and how the response time is counted.",
    },
  },
  account: {
    id: "account",
    title: { fr: "Votre compte", en: "Your account" },
    description: {
      fr: "Invitation, première connexion et réinitialisation du mot de passe.",
      en: "Invitations, first sign-in and password reset.",
    },
  },
};

/**
 * The title of a category in a locale.
 * @example categoryTitle("account", "en") // "Your account"
 */
export function categoryTitle(id: CategoryId, locale: Locale): string {
  return categories[id].title[locale];
}
