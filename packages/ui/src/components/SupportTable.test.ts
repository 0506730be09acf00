// SupportTable renders the seed table from the domain: every option row, every tier column.
import {
  availabilityLabels,
  serviceLevelLabel,
  supportOptionIds,
  supportOptions,
  tierIds,
  tiers,
} from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import SupportTable from "./SupportTable.astro";

describe.each(["fr", "en"] as const)("SupportTable (%s)", (locale) => {
  it("has a caption, column headers per tier and row headers per option", async () => {
    const html = await render(SupportTable, { locale });
    expect(html).toContain("<caption>");
    expect(html.match(/<th scope="col"/g)).toHaveLength(tierIds.length + 1);
    expect(html.match(/<th scope="row"/g)).toHaveLength(supportOptionIds.length + 1);
    for (const tier of tierIds) expect(html).toContain(tiers[tier].label[locale]);
  });

  it.each(supportOptionIds)("renders the availability of %s for every tier", async (id) => {
    const html = await render(SupportTable, { locale });
    const row = html.match(new RegExp(`<tr[^>]*data-option="${id}"[\\s\\S]*?</tr>`))?.[0] ?? "";
    expect(textOf(row)).toContain(textOf(supportOptions[id].description[locale]).slice(0, 20));
    const cells = [...row.matchAll(/data-availability="([a-z-]+)"[^>]*>([\s\S]*?)<\/td>/g)];
    expect(cells.map((c) => c[1])).toEqual(tierIds.map((tier) => supportOptions[id].availability[tier]));
    for (const [, availability, cell] of cells) {
      expect(textOf(cell ?? "")).toContain(availabilityLabels[availability as "no"][locale]);
    }
  });

  it("ends with the service level of each tier", async () => {
    const html = await render(SupportTable, { locale });
    for (const tier of tierIds) {
      const level = serviceLevelLabel(tier, locale);
      if (level) expect(html).toContain(level);
    }
  });

  it("marks the highlighted tier", async () => {
    const html = await render(SupportTable, { locale, highlight: "paying" });
    expect(html.match(/class="is-highlighted"/g)).toHaveLength(supportOptionIds.length + 2);
  });
});
