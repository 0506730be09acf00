// The language switcher lands on the translated article, and every page declares its language.
import { expect, test } from "./fixtures.ts";

test.describe("languages", () => {
  test("the switcher goes from a French article to its English translation and back", async ({
    page,
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/articles/delais-de-reponse/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`${baseUrl}/en/articles/response-times/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("h1")).toContainText("response time");
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(`${baseUrl}/articles/delais-de-reponse/`);
  });

  test("the cornerstone article exists in both languages with the seed's title", async ({
    page,
    baseUrl,
  }) => {
    await page.goto(`${baseUrl}/articles/quel-support-est-fourni/`);
    await expect(page.locator("h1")).toHaveText(
      "Quel support est fourni aux clients de Cirrus Shield et comment contacter le support\u202f?",
    );
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`${baseUrl}/en/articles/what-support-is-provided/`);
    await expect(page.getByRole("table", { name: "What each support plan includes" })).toBeVisible();
  });

  test("category and home pages switch to their counterpart", async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/categories/sla/`);
    await expect(page.locator("h1")).toHaveText("Horaires et délais");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(`${baseUrl}/en/categories/sla/`);
    await expect(page.locator("h1")).toHaveText("Hours and response times");
    await page.goto(`${baseUrl}/en/`);
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(`${baseUrl}/`);
  });
});
