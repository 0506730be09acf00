// AddOnOptions lists what a tier can buy on top of its plan, from purchasableAddOns.
import { purchasableAddOns, supportOptions } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { frenchSpacing } from "../format/typography.ts";
import { render, textOf } from "../test/render.ts";
import AddOnOptions from "./AddOnOptions.astro";

describe("AddOnOptions", () => {
  it("lists the Paying tier's add-ons with their full description", async () => {
    const html = await render(AddOnOptions, { locale: "fr" });
    const text = textOf(html);
    const ids = purchasableAddOns("paying");
    expect(ids.length).toBeGreaterThan(0);
    expect(html.match(/data-option=/g)).toHaveLength(ids.length);
    for (const id of ids) expect(text).toContain(frenchSpacing(supportOptions[id].description.fr));
    expect(text).toContain(frenchSpacing("Déjà incluse dans l’offre : Support Premium."));
  });

  it("is empty for a tier with nothing to buy", async () => {
    const html = await render(AddOnOptions, { locale: "en", tier: "premium" });
    expect(html).not.toContain("data-option=");
  });
});
