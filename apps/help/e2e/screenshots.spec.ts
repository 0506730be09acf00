// Screenshots of the home page, the cornerstone article, search results and the search box's
// suggestions (quick answer and Pagefind's) at desktop and phone width, saved under test-results/screenshots/ for people to look at.
import { expect, test } from "./fixtures.ts";

const shots = [
  ["home", "/"],
  ["cornerstone", "/articles/quel-support-est-fourni/"],
  ["search", "/search/?q=jour%20ouvr%C3%A9"],
  ["home-en", "/en/"],
  ["cornerstone-en", "/en/articles/what-support-is-provided/"],
] as const;

for (const width of [1280, 360]) {
  for (const [name, path] of shots) {
    test(`screenshot ${name} at ${width}px`, async ({ page, baseUrl }) => {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 780 });
      await page.goto(`${baseUrl}${path}`);
      if (name === "search") await expect(page.locator("#search-results a").first()).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
    });
  }
  test(`screenshot of search suggestions at ${width}px`, async ({ page, baseUrl }) => {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 780 });
    await page.goto(`${baseUrl}/articles/contacter-le-support/`);
    const input = page.locator("#header-search-input");
    await input.fill("mot de passe");
    await expect(page.locator("#header-search-listbox")).toHaveAttribute("data-complete", "true");
    await page.keyboard.press("ArrowDown");
    await page.screenshot({ path: `test-results/screenshots/suggestions-${width}.png` });
  });
  test(`screenshot of the quick answer (before Pagefind's) at ${width}px`, async ({ page, baseUrl }) => {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 780 });
    // Pagefind never answers here: what the reader sees while it boots.
    await page.route(/\/pagefind\//, (route) => route.abort());
    await page.goto(`${baseUrl}/articles/contacter-le-support/`);
    await page.locator("#header-search-input").fill("jour ouv");
    const listbox = page.locator("#header-search-listbox");
    await expect(listbox).toHaveAttribute("data-complete", "false");
    await expect(listbox.locator("[role=option]").first()).toBeVisible();
    // Pagefind failed: the quick answer stays, no longer marked busy, and the status says why.
    await expect(listbox).toHaveAttribute("aria-busy", "false");
    await expect(page.locator("#header-search-listbox + [role=status]")).toHaveText(
      "La recherche est indisponible pour le moment.",
    );
    await page.screenshot({ path: `test-results/screenshots/suggestions-quick-${width}.png` });
  });
}
