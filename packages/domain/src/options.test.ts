import { describe, expect, it } from "vitest";
import {
  type Availability,
  availabilities,
  availabilityLabels,
  isSupportOptionId,
  type SupportOptionId,
  supportEmail,
  supportOptionIds,
  supportOptions,
} from "./options.ts";

/** DESIGN §2: the seed table as confirmed against the vendor's English page. */
const offerTable: ReadonlyArray<
  readonly [SupportOptionId, free: Availability, paying: Availability, premium: Availability]
> = [
  ["online-help", "included", "included", "included"],
  ["email-support", "no", "included", "included"],
  ["end-user-support", "no", "included", "included"],
  ["support-hours", "no", "included", "included"],
  ["environment-administration", "no", "add-on", "included"],
  ["developer-support", "no", "add-on", "included"],
  ["priority-support", "no", "no", "included"],
  ["custom-development", "no", "quote", "quote"],
];

/** First column of the seed table, verbatim. */
const seedRows: Record<SupportOptionId, string> = {
  "online-help": "Accès à l’aide en ligne",
  "email-support": "Support E-mail (support@cirrus-shield.com)",
  "end-user-support":
    "Support Utilisateur Final : Questions liées à l’utilisation du produit (en tant qu’utilisateur ou administrateur), Problèmes avec le produit (Bugs)",
  "support-hours": "Heures de support (Lundi à Vendredi de 09:00 à 18:00)",
  "environment-administration":
    "Administration de votre environnement (actions de paramétrages simples et avancées mais sans développement de code)",
  "developer-support": "Support développeurs (réponses aux questions sans action de développement de code)",
  "priority-support": "Support prioritaire",
  "custom-development": "Développement de code spécifique",
};

describe("supportOptions", () => {
  it("lists the seed's rows in order", () => {
    expect(supportOptionIds).toEqual(offerTable.map(([id]) => id));
    expect(Object.keys(supportOptions)).toEqual(offerTable.map(([id]) => id));
  });

  it.each(offerTable)("%s: free %s, paying %s, premium %s", (id, free, paying, premium) => {
    expect(supportOptions[id].id).toBe(id);
    expect(supportOptions[id].availability).toEqual({ free, paying, premium });
  });

  it.each(supportOptionIds)("%s carries the seed's row text and an English translation", (id) => {
    const option = supportOptions[id];
    expect(option.description.fr).toBe(seedRows[id]);
    expect(option.description.en.trim()).not.toBe("");
    expect(option.label.fr.trim()).not.toBe("");
    expect(option.label.en.trim()).not.toBe("");
  });

  it("has the DESIGN's short labels", () => {
    expect(supportOptions["support-hours"].label.fr).toBe("Heures de support lun–ven 09:00–18:00");
    expect(supportOptions["developer-support"].label.fr).toBe("Support développeurs (réponses, sans code)");
    expect(supportOptions["custom-development"].label.fr).toBe("Développement de code spécifique");
  });

  it("publishes the support address", () => {
    expect(supportEmail).toBe("support@cirrus-shield.com");
  });
});

describe("availabilities", () => {
  it("has four kinds with bilingual labels, 'Sur devis' as the seed says", () => {
    expect(availabilities).toEqual(["included", "add-on", "quote", "no"]);
    expect(availabilityLabels.quote).toEqual({ fr: "Sur devis", en: "On quote" });
    for (const a of availabilities) {
      expect(availabilityLabels[a].fr).not.toBe("");
      expect(availabilityLabels[a].en).not.toBe("");
    }
    expect(new Set(availabilities.map((a) => availabilityLabels[a].fr)).size).toBe(4);
  });
});

describe("isSupportOptionId", () => {
  it("recognises option ids only", () => {
    for (const id of supportOptionIds) expect(isSupportOptionId(id)).toBe(true);
    expect(isSupportOptionId("phone-support")).toBe(false);
    expect(isSupportOptionId(undefined)).toBe(false);
  });
});
