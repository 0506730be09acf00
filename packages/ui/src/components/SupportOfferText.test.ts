// SupportOfferText prints the seed page's sentences from the domain.
import { supportEmail, supportOfferText } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { frenchSpacing } from "../format/typography.ts";
import { render, textOf } from "../test/render.ts";
import SupportOfferText from "./SupportOfferText.astro";

describe("SupportOfferText", () => {
  it.each(["lead", "addOns", "contact"] as const)(
    "prints the %s sentence in both languages",
    async (part) => {
      for (const locale of ["fr", "en"] as const) {
        const html = await render(SupportOfferText, { locale, part });
        expect(textOf(html)).toBe(frenchSpacing(supportOfferText[part][locale], locale));
      }
    },
  );

  it("keeps the published contact address", async () => {
    expect(textOf(await render(SupportOfferText, { locale: "en", part: "contact" }))).toContain(supportEmail);
  });
});
