/** The seed page's own sentences (title, lead, table heading, add-ons, contact), FR as published. */
import type { Localized } from "./i18n.ts";
import { supportEmail } from "./options.ts";

/**
 * Texts of the support-offer page around its table; the table itself comes from tiers and options.
 * @example supportOfferText.title.fr // "Quel support est fourni aux clients de Cirrus Shield et comment contacter le support ?"
 */
export const supportOfferText = {
  title: {
    fr: "Quel support est fourni aux clients de Cirrus Shield et comment contacter le support ?",
    en: "What support is provided to Cirrus Shield customers and how to contact support?",
  },
  lead: {
    fr: "Les utilisateurs de Cirrus Shield bénéficient d’un support différencié selon la version à laquelle ils ont souscrit :",
    en: "Cirrus Shield users receive differentiated support depending on the version they subscribed to:",
  },
  tableHeading: { fr: "Support Client", en: "Customer support" },
  addOns: {
    fr: "Des options de support supplémentaires sont disponibles : Administration de votre environnement, support développeur.",
    en: "Additional support options are available: administration of your environment, developer support.",
  },
  contact: {
    fr: `Veuillez nous contacter à : ${supportEmail}`,
    en: `Please contact us at: ${supportEmail}`,
  },
} as const satisfies Record<string, Localized>;
