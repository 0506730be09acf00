import { describe, expect, it } from "vitest";
import {
  type CriticalityId,
  criticalities,
  criticalityIds,
  criticalityRank,
  criticalitySection,
  isCriticalityId,
} from "./criticality.ts";
import type { Localized } from "./i18n.ts";

/**
 * The seed's classification section (shared/seed/support-offer.fr.txt), copied verbatim, bullets
 * grouped under the level they belong to. The scrape repeats two summaries; they are kept.
 */
const seedTitle = "Support Premium – Classification des demandes de support";
const seedLead = "Les demandes sont classées selon la criticité suivante:";
const seedBullets: Record<CriticalityId, string[]> = {
  critical: [
    "Critique",
    "Une demande qui a un impact critique. Le client ne peut plus utiliser l’application ou des fonctionnalités majeures de l’application sont bloquées ou inopérantes:",
    "Des fonctionnalités importantes de l’application sont indisponibles de manière permanente. Le problème est complètement bloquant et il n’y a aucune solution de contournement.",
    "Une demande qui a un impact critique. Le client ne peut plus utiliser l’application ou des fonctionnalités majeures de l’application sont bloquées ou inopérantes:",
    "L’utilisation de l’application est impossible dû à l’une des raisons suivantes:",
    "Performance hautement dégradée de l’application ou des temps de réponse très ralentis.",
    "Corruption des données.",
    "Impossible d’accéder au système.",
  ],
  major: [
    "Majeure",
    "Une demande qui a un impact significatif et qui résulte en:",
    "Des fonctionnalités importantes de l’application qui ne peuvent être utilisées en opération normale et qui affectent le service aux clients.",
    "Le problème n’est pas bloquant et/ou il y a une solution de contournement mais elle impacte le service aux clients.",
    "Une demande qui a un impact significatif et qui résulte en:",
  ],
  minor: [
    "Mineure",
    "Une demande qui a un impact faible. L’application peut être utilisée normalement et seules certaines fonctionnalités non-critiques sont indisponibles.",
    "Des incidents qui ont une solution de contournement et/ou qui n’ont pas d’impact sur le service aux clients ou la productivité de l’équipe.",
  ],
};

/** Compares texts regardless of apostrophe style, whitespace and the space before a colon. */
const normalize = (s: string) =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/ :/g, ":")
    .trim();

/** Every localized text of a level: label, summary, criteria and their details. */
function textsOf(id: CriticalityId): Localized[] {
  const c = criticalities[id];
  return [c.label, c.summary, ...c.criteria.flatMap((k) => [k.text, ...(k.details ?? [])])];
}

describe("criticalities", () => {
  it("has the three levels, most severe first", () => {
    expect(criticalityIds).toEqual(["critical", "major", "minor"]);
    expect(criticalityIds.map((id) => criticalities[id].label)).toEqual([
      { fr: "Critique", en: "Critical" },
      { fr: "Majeure", en: "Major" },
      { fr: "Mineure", en: "Minor" },
    ]);
    for (const id of criticalityIds) expect(criticalities[id].id).toBe(id);
  });

  it.each(criticalityIds)("%s carries every bullet of the seed under that level", (id) => {
    const carried = textsOf(id).map((t) => normalize(t.fr));
    for (const bullet of seedBullets[id]) expect(carried).toContain(normalize(bullet));
  });

  it.each(criticalityIds)("%s carries nothing that the seed does not say", (id) => {
    const seed = seedBullets[id].map(normalize);
    for (const text of textsOf(id)) expect(seed).toContain(normalize(text.fr));
  });

  it("keeps the seed's sub-bullets under their criterion", () => {
    const reasons = criticalities.critical.criteria.find((c) => c.details !== undefined);
    expect(normalize(reasons?.text.fr ?? "")).toBe(
      normalize("L’utilisation de l’application est impossible dû à l’une des raisons suivantes:"),
    );
    expect(reasons?.details?.map((d) => d.fr)).toEqual([
      "Performance hautement dégradée de l’application ou des temps de réponse très ralentis.",
      "Corruption des données.",
      "Impossible d’accéder au système.",
    ]);
  });

  it.each(criticalityIds)("%s has an English text for every French one", (id) => {
    for (const text of textsOf(id)) {
      expect(text.en.trim()).not.toBe("");
      expect(text.en).not.toBe(text.fr);
    }
  });

  it("carries the section's title and lead", () => {
    expect(normalize(criticalitySection.title.fr)).toBe(normalize(seedTitle));
    expect(normalize(criticalitySection.lead.fr)).toBe(normalize(seedLead));
    expect(criticalitySection.title.en).not.toBe("");
    expect(criticalitySection.lead.en).not.toBe("");
  });
});

describe("criticalityRank", () => {
  it("orders critical, major, minor, then unclassified", () => {
    expect(criticalityRank("critical")).toBeLessThan(criticalityRank("major"));
    expect(criticalityRank("major")).toBeLessThan(criticalityRank("minor"));
    expect(criticalityRank("minor")).toBeLessThan(criticalityRank(null));
    expect(criticalityRank(null)).toBe(criticalityRank(undefined));
    expect(
      [null, "minor", "critical", undefined, "major"].map((c) => criticalityRank(c as CriticalityId | null)),
    ).toEqual([3, 2, 0, 3, 1]);
  });
});

describe("isCriticalityId", () => {
  it("recognises criticality ids only", () => {
    for (const id of criticalityIds) expect(isCriticalityId(id)).toBe(true);
    expect(isCriticalityId("Critique")).toBe(false);
    expect(isCriticalityId("blocker")).toBe(false);
    expect(isCriticalityId(null)).toBe(false);
  });
});
