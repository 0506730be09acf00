// CriticalityLevels renders the seed's complete definitions: summary, criteria and sub-points.
import { criticalities, criticalityIds } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { frenchSpacing } from "../format/typography.ts";
import { render, textOf } from "../test/render.ts";
import CriticalityLevels from "./CriticalityLevels.astro";

describe.each(["fr", "en"] as const)("CriticalityLevels (%s)", (locale) => {
  it("shows every level, most severe first, with all of its text", async () => {
    const html = await render(CriticalityLevels, { locale });
    const text = textOf(html);
    const positions = criticalityIds.map((id) => text.indexOf(criticalities[id].label[locale]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of criticalityIds) {
      const level = criticalities[id];
      expect(text).toContain(frenchSpacing(level.summary[locale], locale));
      for (const criterion of level.criteria) {
        expect(text).toContain(frenchSpacing(criterion.text[locale], locale));
        for (const detail of criterion.details ?? []) expect(text).toContain(detail[locale]);
      }
    }
  });

  it("nests the sub-points under their criterion", async () => {
    const html = await render(CriticalityLevels, { locale });
    expect(html).toMatch(/<li>[^<]+<ul><li>/);
    expect(html).toContain(`<h3 id="criticality-critical">${criticalities.critical.label[locale]}</h3>`);
  });

  it("takes the heading level from its prop", async () => {
    const html = await render(CriticalityLevels, { locale, headingLevel: 2 });
    expect(html.match(/<h2 /g)).toHaveLength(criticalityIds.length);
  });
});

describe("CriticalityLevels intro", () => {
  it("starts with the seed's section title and lead when asked", async () => {
    const html = await render(CriticalityLevels, { locale: "fr", intro: true });
    expect(html).toContain(
      '<h2 id="criticality-section">Support Premium – Classification des demandes de support</h2>',
    );
    expect(textOf(html)).toContain(frenchSpacing("Les demandes sont classées selon la criticité suivante :"));
    expect(await render(CriticalityLevels, { locale: "fr" })).not.toContain("criticality-section");
  });
});
