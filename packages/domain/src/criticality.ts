/** Criticality of a request (Premium classification), with the seed's complete definitions. */
import type { Localized } from "./i18n.ts";

export const criticalityIds = ["critical", "major", "minor"] as const;
export type CriticalityId = (typeof criticalityIds)[number];

/** One criterion of a definition; `details` are its sub-bullets. */
export interface CriticalityCriterion {
  readonly text: Localized;
  readonly details?: readonly Localized[];
}

export interface Criticality {
  readonly id: CriticalityId;
  readonly label: Localized;
  /** The opening sentence of the definition. */
  readonly summary: Localized;
  /** The bullet points that follow it, as published. */
  readonly criteria: readonly CriticalityCriterion[];
}

/**
 * Heading and lead of the seed's classification section.
 * @example criticalitySection.title.fr // "Support Premium – Classification des demandes de support"
 */
export const criticalitySection = {
  title: {
    fr: "Support Premium – Classification des demandes de support",
    en: "Premium support – Classification of support requests",
  },
  lead: {
    fr: "Les demandes sont classées selon la criticité suivante :",
    en: "Requests are classified according to the following criticality levels:",
  },
} as const satisfies Record<string, Localized>;

/**
 * The three levels, most severe first. The French text is the seed's, with its typography.
 * @example criticalities.critical.label.fr // "Critique"
 */
export const criticalities: Readonly<Record<CriticalityId, Criticality>> = {
  critical: {
    id: "critical",
    label: { fr: "Critique", en: "Critical" },
    summary: {
      fr: "Une demande qui a un impact critique. Le client ne peut plus utiliser l’application ou des fonctionnalités majeures de l’application sont bloquées ou inopérantes :",
      en: "A request with a critical impact. The customer can no longer use the application, or major features of the application are blocked or inoperative:",
    },
    criteria: [
      {
        text: {
          fr: "Des fonctionnalités importantes de l’application sont indisponibles de manière permanente. Le problème est complètement bloquant et il n’y a aucune solution de contournement.",
          en: "Important features of the application are permanently unavailable. The problem is completely blocking and there is no workaround.",
        },
      },
      {
        text: {
          fr: "L’utilisation de l’application est impossible dû à l’une des raisons suivantes :",
          en: "The application cannot be used for one of the following reasons:",
        },
        details: [
          {
            fr: "Performance hautement dégradée de l’application ou des temps de réponse très ralentis.",
            en: "Severely degraded application performance or very slow response times.",
          },
          { fr: "Corruption des données.", en: "Data corruption." },
          { fr: "Impossible d’accéder au système.", en: "The system cannot be accessed." },
        ],
      },
    ],
  },
  major: {
    id: "major",
    label: { fr: "Majeure", en: "Major" },
    summary: {
      fr: "Une demande qui a un impact significatif et qui résulte en :",
      en: "A request with a significant impact that results in:",
    },
    criteria: [
      {
        text: {
          fr: "Des fonctionnalités importantes de l’application qui ne peuvent être utilisées en opération normale et qui affectent le service aux clients.",
          en: "Important features of the application that cannot be used in normal operation and that affect service to customers.",
        },
      },
      {
        text: {
          fr: "Le problème n’est pas bloquant et/ou il y a une solution de contournement mais elle impacte le service aux clients.",
          en: "The problem is not blocking and/or there is a workaround, but it affects service to customers.",
        },
      },
    ],
  },
  minor: {
    id: "minor",
    label: { fr: "Mineure", en: "Minor" },
    summary: {
      fr: "Une demande qui a un impact faible. L’application peut être utilisée normalement et seules certaines fonctionnalités non-critiques sont indisponibles.",
      en: "A request with a low impact. The application can be used normally and only some non-critical features are unavailable.",
    },
    criteria: [
      {
        text: {
          fr: "Des incidents qui ont une solution de contournement et/ou qui n’ont pas d’impact sur le service aux clients ou la productivité de l’équipe.",
          en: "Incidents that have a workaround and/or have no impact on service to customers or the team’s productivity.",
        },
      },
    ],
  },
};

/**
 * Whether a value is a criticality id.
 * @example isCriticalityId("major") // true
 */
export function isCriticalityId(value: unknown): value is CriticalityId {
  return typeof value === "string" && (criticalityIds as readonly string[]).includes(value);
}

/**
 * Rank for sorting, most severe first; unclassified requests come after `minor`.
 * @example criticalityRank("critical") < criticalityRank(null) // true
 */
export function criticalityRank(criticality: CriticalityId | null | undefined): number {
  return criticality ? criticalityIds.indexOf(criticality) : criticalityIds.length;
}
