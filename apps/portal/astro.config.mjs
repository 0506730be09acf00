// The portal: server-rendered Astro (@astrojs/node, standalone) over the API. See README.md.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";
import { allowedDomainsFrom } from "./src/lib/allowed-domains.ts";

export default defineConfig({
  output: "server",
  // Tests build a second, proxy-configured portal elsewhere (e2e/security.spec.ts).
  outDir: process.env.PORTAL_OUT_DIR || "./dist",
  adapter: node({ mode: "standalone", bodySizeLimit: 1024 * 1024 }),
  // The API's session is the only session: no Astro session store (file-based by default, wrong
  // for several instances). The portal's cookie carries the API token (src/lib/session.ts).
  session: false,
  // Defaults of the built server; PORT and HOST override them at run time.
  server: { host: "127.0.0.1", port: 4322 },
  security: {
    // Cross-site form POSTs get 403 (CSRF protection, on by default; kept explicit).
    checkOrigin: true,
    // Behind a reverse proxy, the public origin(s) must be listed at build time
    // (PORTAL_ALLOWED_DOMAINS=https://support.example.com) so X-Forwarded-Proto/-Host are trusted
    // and the origin check compares the browser's Origin with the public URL. See README.md.
    allowedDomains: allowedDomainsFrom(process.env.PORTAL_ALLOWED_DOMAINS),
  },
  devToolbar: { enabled: false },
  // External, hashed CSS and JS only: the Content-Security-Policy allows no inline code.
  build: { inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
});
