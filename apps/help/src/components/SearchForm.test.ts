// The search box works without JavaScript (GET form) and loads its script only on focus.
import { describe, expect, it } from "vitest";
import { render } from "../test/render.ts";
import SearchForm from "./SearchForm.astro";

describe("SearchForm", () => {
  it("is a GET form to the language's search page", async () => {
    expect(await render(SearchForm, { locale: "fr", id: "s" })).toMatch(
      /<form role="search" action="\/search\/" method="get"/,
    );
    expect(await render(SearchForm, { locale: "en", id: "s" })).toContain('action="/en/search/"');
  });

  it("is an ARIA combobox that imports the search script on focus, with no script element", async () => {
    const html = await render(SearchForm, { locale: "fr", id: "s" });
    expect(html).toMatch(
      /onfocusin="import\('\/_help\/search\.[A-Z0-9]+\.js'\)\.then\(m=>m\.attach\(this\)\)"/,
    );
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-controls="s-listbox"');
    expect(html).toContain('<ul id="s-listbox" role="listbox"');
    expect(html).toContain('<label for="s-input"');
    expect(html).not.toContain("<script");
  });

  it("leaves the search page's box to the page script", async () => {
    const html = await render(SearchForm, { locale: "en", id: "p", variant: "page" });
    expect(html).toContain("data-search-page");
    expect(html).not.toContain("onfocusin");
    expect(html).not.toContain('role="combobox"');
  });
});
