// Shared test setup: the served site's base URL and a page that fails the test on any script error.
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ baseUrl: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures destructure their dependencies; this one has none.
  baseUrl: async ({}, use) => {
    const url = process.env.HELP_BASE_URL;
    if (!url) throw new Error("HELP_BASE_URL is not set: run through playwright.config.ts");
    await use(url);
  },
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await use(page);
    expect(errors, "errors thrown in the page").toEqual([]);
  },
});

export { expect };
