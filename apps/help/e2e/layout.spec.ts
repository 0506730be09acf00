// Accessibility and layout basics: skip link, one h1, landmarks, no sideways scrolling on a phone,
// "Open a request" on every page, print styles.
import { expect, test } from "./fixtures.ts";

const pages = [
  "/",
  "/en/",
  "/articles/quel-support-est-fourni/",
  "/en/articles/response-times/",
  "/categories/requests/",
  "/search/?q=devis",
];

test.describe("layout", () => {
  test("the first Tab reaches the skip link, which moves focus to the content", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/articles/delais-de-reponse/`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  for (const path of pages) {
    test(`${path} has one h1, landmarks, an “Open a request” link and fits a 360 px phone`, async ({
      page,
      baseUrl,
    }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${baseUrl}${path}`);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("header")).toHaveCount(1);
      await expect(page.locator("main#main")).toHaveCount(1);
      await expect(page.locator("footer")).toHaveCount(1);
      const open = page.locator("a[data-open-request]");
      expect(await open.count()).toBeGreaterThan(0);
      await expect(open.first()).toHaveAttribute("href", /\/requests\/new$/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("print hides navigation and keeps the article", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/articles/quel-support-est-fourni/`);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".cs-header")).toBeHidden();
    await expect(page.locator(".cs-feedback")).toBeHidden();
    await expect(page.locator("article h1")).toBeVisible();
    await expect(page.locator(".cs-support-table")).toBeVisible();
  });
});
