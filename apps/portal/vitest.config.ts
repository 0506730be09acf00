// Unit tests beside the code (src/**/*.test.ts), through Astro's Vite config so components render
// with the container API; end-to-end tests are Playwright's (e2e/).
/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["src/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
