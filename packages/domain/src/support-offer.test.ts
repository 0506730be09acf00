import { describe, expect, it } from "vitest";
import { supportOfferText } from "./support-offer.ts";

/** Lines of shared/seed/support-offer.fr.txt around the table, verbatim. */
const seed = {
  title: "Quel support est fourni aux clients de Cirrus Shield et comment contacter le support ?",
  lead: "Les utilisateurs de Cirrus Shield bénéficient d’un support différencié selon la version à laquelle ils ont souscrit :",
  tableHeading: "Support Client",
  addOns:
    "Des options de support supplémentaires sont disponibles: Administration de votre environnement, support développeur.",
  contact: "Veuillez nous contacter à : support@cirrus-shield.com",
} as const;

const normalize = (s: string) =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/ ([:?])/g, "$1")
    .trim();

describe("supportOfferText", () => {
  it.each(Object.keys(seed) as (keyof typeof seed)[])("%s carries the seed's French text", (key) => {
    expect(normalize(supportOfferText[key].fr)).toBe(normalize(seed[key]));
  });

  it.each(Object.keys(seed) as (keyof typeof seed)[])("%s has an English text", (key) => {
    expect(supportOfferText[key].en.trim()).not.toBe("");
    expect(supportOfferText[key].en).not.toBe(supportOfferText[key].fr);
  });

  it("gives the contact address in both languages", () => {
    expect(supportOfferText.contact.en).toContain("support@cirrus-shield.com");
  });
});
