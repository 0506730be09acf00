// ServiceLevels lists every tier with its published service level, from the domain.
import { serviceLevelLabel, tierIds, tiers } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import ServiceLevels from "./ServiceLevels.astro";

describe.each(["fr", "en"] as const)("ServiceLevels (%s)", (locale) => {
  it("gives each tier its first-response level or says there is no commitment", async () => {
    const text = textOf(await render(ServiceLevels, { locale }));
    for (const tier of tierIds) {
      expect(text).toContain(tiers[tier].label[locale]);
      const level = serviceLevelLabel(tier, locale);
      if (level) expect(text).toContain(level);
    }
    expect(text).toContain(locale === "fr" ? "pas d’engagement de délai" : "no response-time commitment");
  });

  it("is a description list", async () => {
    const html = await render(ServiceLevels, { locale });
    expect(html.match(/<dt>/g)).toHaveLength(tierIds.length);
    expect(html.match(/<dd>/g)).toHaveLength(tierIds.length);
  });
});

describe("ServiceLevels follows the domain", () => {
  it("shows a changed tier label and service level without any other edit", async () => {
    const premium = tiers.premium as { label: { fr: string }; slaBusinessDays: number | null };
    const saved = { label: premium.label.fr, days: premium.slaBusinessDays };
    try {
      premium.label.fr = "Support Platine";
      premium.slaBusinessDays = 3;
      const text = textOf(await render(ServiceLevels, { locale: "fr" }));
      expect(text).toContain("Support Platine");
      expect(text).toContain("3 jours ouvrés");
    } finally {
      premium.label.fr = saved.label;
      premium.slaBusinessDays = saved.days;
    }
  });
});
