/**
 * Same-site check for state-changing requests (OWASP CSRF cheat sheet, 2026): trust
 * `Sec-Fetch-Site` when the browser sends it, else fall back to `Origin`. Calls without either
 * (the portal's server-side calls, scripts) carry a Bearer token a browser never adds by itself.
 * `hono/csrf` alone only looks at form content types, so it is not used for JSON.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { Problem } from "../problems.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const own = new URL(c.req.url).origin;
    const trusted = (o: string) => o === own || c.get("deps").config.trustedOrigins.includes(o);
    if (site !== undefined) {
      // "none": typed or bookmarked by the user; "same-origin": our own pages.
      if (site !== "same-origin" && site !== "none" && !(origin && trusted(origin))) {
        throw new Problem("csrf-rejected");
      }
    } else if (origin !== undefined && !trusted(origin)) {
      throw new Problem("csrf-rejected");
    }
  }
  await next();
});
