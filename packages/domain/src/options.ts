/** Support options (the seed table's rows) and their availability for each tier. */
import type { Localized } from "./i18n.ts";
import type { TierId } from "./tiers.ts";

/** The support address published by the seed. */
export const supportEmail = "support@cirrus-shield.com";

export const supportOptionIds = [
  "online-help",
  "email-support",
  "end-user-support",
  "support-hours",
  "environment-administration",
  "developer-support",
  "priority-support",
  "custom-development",
] as const;
export type SupportOptionId = (typeof supportOptionIds)[number];

/** How a tier gets an option: in the plan, bought on top, priced per request, or not at all. */
export const availabilities = ["included", "add-on", "quote", "no"] as const;
export type Availability = (typeof availabilities)[number];

export interface SupportOption {
  readonly id: SupportOptionId;
  /** Short label for tables, buttons and filters. */
  readonly label: Localized;
  /** The full text of the seed table's row (FR as published, EN faithful). */
  readonly description: Localized;
  readonly availability: Readonly<Record<TierId, Availability>>;
}

const row = (free: Availability, paying: Availability, premium: Availability) => ({ free, paying, premium });

/**
 * Every support option in the seed table's row order.
 * @example supportOptions["developer-support"].availability.paying // "add-on"
 */
export const supportOptions: Readonly<Record<SupportOptionId, SupportOption>> = {
  "online-help": {
    id: "online-help",
    label: { fr: "Accès à l’aide en ligne", en: "Access to online help" },
    description: { fr: "Accès à l’aide en ligne", en: "Access to online help" },
    availability: row("included", "included", "included"),
  },
  "email-support": {
    id: "email-support",
    label: { fr: "Support e-mail", en: "E-mail support" },
    description: {
      fr: `Support E-mail (${supportEmail})`,
      en: `E-mail support (${supportEmail})`,
    },
    availability: row("no", "included", "included"),
  },
  "end-user-support": {
    id: "end-user-support",
    label: { fr: "Support utilisateur final (usage, bugs)", en: "End-user support (usage, bugs)" },
    description: {
      fr: "Support Utilisateur Final : Questions liées à l’utilisation du produit (en tant qu’utilisateur ou administrateur), Problèmes avec le produit (Bugs)",
      en: "End-user support: questions about using the product (as a user or an administrator), problems with the product (bugs)",
    },
    availability: row("no", "included", "included"),
  },
  "support-hours": {
    id: "support-hours",
    label: { fr: "Heures de support lun–ven 09:00–18:00", en: "Support hours Mon–Fri 09:00–18:00" },
    description: {
      fr: "Heures de support (Lundi à Vendredi de 09:00 à 18:00)",
      en: "Support hours (Monday to Friday, 09:00 to 18:00)",
    },
    availability: row("no", "included", "included"),
  },
  "environment-administration": {
    id: "environment-administration",
    label: {
      fr: "Administration de votre environnement (sans code)",
      en: "Administration of your environment (no code)",
    },
    description: {
      fr: "Administration de votre environnement (actions de paramétrages simples et avancées mais sans développement de code)",
      en: "Administration of your environment (simple and advanced configuration tasks, but no code development)",
    },
    availability: row("no", "add-on", "included"),
  },
  "developer-support": {
    id: "developer-support",
    label: { fr: "Support développeurs (réponses, sans code)", en: "Developer support (answers, no code)" },
    description: {
      fr: "Support développeurs (réponses aux questions sans action de développement de code)",
      en: "Developer support (answers to questions, without any code development)",
    },
    availability: row("no", "add-on", "included"),
  },
  "priority-support": {
    id: "priority-support",
    label: { fr: "Support prioritaire", en: "Priority support" },
    description: { fr: "Support prioritaire", en: "Priority support" },
    availability: row("no", "no", "included"),
  },
  "custom-development": {
    id: "custom-development",
    label: { fr: "Développement de code spécifique", en: "Custom code development" },
    description: { fr: "Développement de code spécifique", en: "Custom code development" },
    availability: row("no", "quote", "quote"),
  },
};

/**
 * Labels of each availability, as shown in the comparison table ("Sur devis" is the seed's word).
 * @example availabilityLabels.quote.fr // "Sur devis"
 */
export const availabilityLabels: Readonly<Record<Availability, Localized>> = {
  included: { fr: "Inclus", en: "Included" },
  "add-on": { fr: "En option", en: "Add-on" },
  quote: { fr: "Sur devis", en: "On quote" },
  no: { fr: "Non inclus", en: "Not included" },
};

/**
 * Whether a value is a support option id.
 * @example isSupportOptionId("priority-support") // true
 */
export function isSupportOptionId(value: unknown): value is SupportOptionId {
  return typeof value === "string" && (supportOptionIds as readonly string[]).includes(value);
}
