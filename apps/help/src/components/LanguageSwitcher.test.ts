// The language switcher names the other language in that language and links the given page.
import { describe, expect, it } from "vitest";
import { render } from "../test/render.ts";
import LanguageSwitcher from "./LanguageSwitcher.astro";

describe("LanguageSwitcher", () => {
  it("links to the English page from a French one", async () => {
    const html = await render(LanguageSwitcher, { locale: "fr", href: "/en/articles/response-times/" });
    expect(html).toContain('href="/en/articles/response-times/" hreflang="en" lang="en"');
    expect(html).toMatch(/English\s*<\/a>/);
  });

  it("links to the French page from an English one", async () => {
    const html = await render(LanguageSwitcher, { locale: "en", href: "/articles/delais-de-reponse/" });
    expect(html).toContain('hreflang="fr" lang="fr"');
    expect(html).toMatch(/Français\s*<\/a>/);
  });
});
