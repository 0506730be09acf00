// End-to-end tests in real Chromium (Debian's /usr/bin/chromium; never downloaded) against the built
// site served by scripts/static-server.ts on 127.0.0.1 (started in e2e/global-setup.ts).
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  // Playwright empties its output folder: keep it apart from the JSON reports and screenshots.
  outputDir: "test-results/playwright-artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
