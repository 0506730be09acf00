// Search on the built site in real Chromium: ranking, the combobox, the search page, no early JS.
import { expect, test } from "./fixtures.ts";

test.describe("search", () => {
  test("searching “jour ouvré” on the French site puts the SLA article first", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/articles/contacter-le-support/`);
    await page.locator("#header-search-input").fill("jour ouvré");
    // Pagefind's complete list (the quick answer before it must agree, see suggestions.test.ts).
    await expect(page.locator("#header-search-listbox")).toHaveAttribute("data-complete", "true");
    const first = page.locator("#header-search-listbox [role=option]").first();
    await expect(first).toContainText("délai de réponse");
    await expect(first).toHaveAttribute("data-url", "/articles/delais-de-reponse/");
  });

  test("searching “criticality” on the English site puts the criticality article first", async ({
    page,
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/en/`);
    await page.locator("#home-search-input").fill("criticality");
    await expect(page.locator("#home-search-listbox")).toHaveAttribute("data-complete", "true");
    const first = page.locator("#home-search-listbox [role=option]").first();
    await expect(first).toHaveAttribute("data-url", "/en/articles/choosing-criticality/");
  });

  for (const [query, expected] of [
    ["délai de réponse", "/articles/delais-de-reponse/"],
    ["criticité", "/articles/choisir-la-criticite/"],
    ["devis", "/articles/demander-un-devis-de-developpement/"],
    ["mot de passe", "/articles/invitation-et-mot-de-passe/"],
    ["business day", "/en/articles/response-times/"],
    ["response time", "/en/articles/response-times/"],
    ["quote", "/en/articles/request-a-custom-development-quote/"],
    ["password", "/en/articles/invitation-and-password/"],
  ] as const) {
    test(`the search page puts ${expected} first for “${query}”`, async ({ page, baseUrl }) => {
      const prefix = expected.startsWith("/en/") ? "/en" : "";
      await page.goto(`${baseUrl}${prefix}/search/?q=${encodeURIComponent(query)}`);
      await expect(page.locator("#page-search-input")).toHaveValue(query);
      await expect(page.locator("#search-results a").first()).toHaveAttribute("href", expected);
      await expect(page.locator("#search-status")).toContainText(/\d/);
    });
  }

  test("an article loads no JavaScript nor search index until the search box is focused", async ({
    page,
    baseUrl,
  }) => {
    const loaded: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script" || /\.js(\?|$)|suggestions\.json$/.test(request.url()))
        loaded.push(request.url());
    });
    await page.goto(`${baseUrl}/articles/delais-de-reponse/`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("script").count()).toBe(0);
    expect(loaded).toEqual([]);
    await page.locator("#header-search-input").focus();
    await expect.poll(() => loaded.some((url) => url.includes("/_help/search."))).toBe(true);
    await expect.poll(() => loaded.some((url) => url.endsWith("/pagefind/pagefind.js"))).toBe(true);
    await expect.poll(() => loaded.some((url) => url.endsWith("/search/suggestions.json"))).toBe(true);
  });

  /** Holds every Pagefind request until `release()`, so the quick answer can be seen alone. */
  async function holdPagefind(page: import("@playwright/test").Page) {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    await page.route(/\/pagefind\//, async (route) => {
      await released;
      await route.continue();
    });
    return release;
  }

  test("the quick answer comes first, then Pagefind's complete list replaces it", async ({
    page,
    baseUrl,
  }) => {
    const release = await holdPagefind(page);
    await page.goto(`${baseUrl}/articles/contacter-le-support/`);
    const input = page.locator("#header-search-input");
    const listbox = page.locator("#header-search-listbox");
    await input.focus();
    await page.keyboard.type("jour ouvré");
    // Quick answer: from the suggestion index, marked as not complete, no count announced yet.
    await expect(listbox).toHaveAttribute("data-query", "jour ouvré");
    await expect(listbox).toHaveAttribute("data-complete", "false");
    await expect(listbox).toHaveAttribute("aria-busy", "true");
    await expect(listbox.locator("[role=option]").first()).toHaveAttribute(
      "data-url",
      "/articles/delais-de-reponse/",
    );
    await expect(input).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#header-search-listbox + [role=status]")).toHaveText("");
    // The reader highlights the SLA article; Pagefind's list keeps it highlighted.
    await page.keyboard.press("ArrowDown");
    await expect(input).toHaveAttribute("aria-activedescendant", "header-search-listbox-option-0");
    release();
    await expect(listbox).toHaveAttribute("data-complete", "true");
    await expect(listbox).toHaveAttribute("aria-busy", "false");
    await expect(listbox.locator("[role=option]").first()).toHaveAttribute(
      "data-url",
      "/articles/delais-de-reponse/",
    );
    await expect(page.locator("#header-search-listbox + [role=status]")).toHaveText(
      /\d+ articles? trouvés?\./,
    );
    const active = await input.getAttribute("aria-activedescendant");
    await expect(page.locator(`#${active}`)).toHaveAttribute("data-url", "/articles/delais-de-reponse/");
    await expect(page.locator(`#${active}`)).toHaveAttribute("aria-selected", "true");
  });

  test("a list closed with Escape stays closed when Pagefind's answer arrives", async ({ page, baseUrl }) => {
    const release = await holdPagefind(page);
    await page.goto(`${baseUrl}/en/articles/contact-support/`);
    const input = page.locator("#header-search-input");
    await input.focus();
    await page.keyboard.type("criticality");
    const listbox = page.locator("#header-search-listbox");
    await expect(listbox.locator("[role=option]").first()).toHaveAttribute(
      "data-url",
      "/en/articles/choosing-criticality/",
    );
    await page.keyboard.press("Escape");
    await expect(input).toHaveAttribute("aria-expanded", "false");
    release();
    await expect(listbox).toHaveAttribute("data-complete", "true");
    await expect(listbox).toBeHidden();
    await expect(input).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await expect(listbox).toBeVisible();
    await expect(listbox.locator("[role=option]").first()).toHaveAttribute(
      "data-url",
      "/en/articles/choosing-criticality/",
    );
  });

  test("the keyboard moves through suggestions and opens one", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/en/articles/contact-support/`);
    const input = page.locator("#header-search-input");
    await input.focus();
    await page.keyboard.type("password");
    await expect(page.locator("#header-search-listbox [role=option]").first()).toBeVisible();
    await expect(input).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    await expect(page.locator(`#${active}`)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Escape");
    await expect(input).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/en\/articles\/invitation-and-password\/$/);
  });

  test("Enter without a selection opens the search page with the query", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/articles/delais-de-reponse/`);
    await page.locator("#header-search-input").fill("férié");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=f%C3%A9ri%C3%A9$/);
    await expect(page.locator("#search-results a").first()).toHaveAttribute(
      "href",
      "/articles/horaires-et-jours-feries/",
    );
  });

  test("the search page moves from the box to the results with the arrow keys", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/en/search/?q=holiday`);
    const results = page.locator("#search-results a");
    await expect(results.first()).toBeVisible();
    await page.locator("#page-search-input").focus();
    await page.keyboard.press("ArrowDown");
    await expect(results.first()).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(page.locator("#page-search-input")).toBeFocused();
  });

  test("an unknown word says so", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/search/?q=zzyzx`);
    await expect(page.locator("#search-status")).toContainText("Aucun article ne correspond");
  });
});
