// SlaExamples renders the domain's worked examples with explanations built from the computed facts.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import SlaExamples from "./SlaExamples.astro";

const now = new Date("2026-11-26T12:00:00Z");

describe("SlaExamples", () => {
  it("has a captioned table with one row group per scenario and a row per tier", async () => {
    const html = await render(SlaExamples, { locale: "fr", now });
    expect(html).toContain("<caption>Exemples de calcul du délai de première réponse</caption>");
    expect(html.match(/<tbody/g)).toHaveLength(6);
    expect(html.match(/<tr data-tier=/g)).toHaveLength(12);
    expect(html.match(/<th scope="rowgroup" rowspan="2">/g)).toHaveLength(6);
  });

  it("writes received and due times in French and explains them", async () => {
    const text = textOf(await render(SlaExamples, { locale: "fr", now }));
    expect(text).toContain("vendredi 4 décembre 2026 à 17:00");
    expect(text).toContain("lundi 7 décembre 2026 à 17:00");
    expect(text).toContain("Le week-end n’est pas compté.");
    expect(text).toContain("Le jeudi 6 mai 2027 (Ascension) est un jour férié");
    expect(text).toContain("Le vendredi 25 décembre 2026 (Noël) est un jour férié");
    expect(text).toContain("le délai commence à l’ouverture suivante, lundi 7 décembre 2026 à 09:00");
    expect(text).toContain("L’échéance tombe à 18:00 pile");
  });

  it("explains in English", async () => {
    const text = textOf(await render(SlaExamples, { locale: "en", now }));
    expect(text).toContain("Monday, 30 November 2026, 10:00");
    expect(text).toContain("Received during support hours: the clock starts at once.");
    expect(text).toContain("2 business days = 18 business hours.");
  });
});
