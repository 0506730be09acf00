// Unit tests of the portal's small configuration helpers: settings, allowed domains, CSP, cookie, locale, links.
import { describe, expect, it } from "vitest";
import { allowedDomainsFrom } from "./allowed-domains.ts";
import { readConfig } from "./config.ts";
import { helpArticle, helpArticles, helpHome, helpSearchBundle } from "./help.ts";
import { resolveLocale } from "./locale.ts";
import { contentSecurityPolicy } from "./security-headers.ts";

describe("readConfig", () => {
  it("has the local defaults and keeps origins only", () => {
    expect(readConfig({})).toMatchObject({
      apiUrl: "http://127.0.0.1:8787",
      helpUrl: "http://localhost:4321",
      production: false,
    });
    expect(readConfig({ API_URL: "http://api.internal:9000/", NODE_ENV: "production" })).toMatchObject({
      apiUrl: "http://api.internal:9000",
      production: true,
    });
    expect(() => readConfig({ HELP_URL: "not a url" })).toThrow(/HELP_URL/);
  });
});

describe("allowedDomainsFrom", () => {
  it("turns public origins into Astro remote patterns", () => {
    expect(allowedDomainsFrom(undefined)).toEqual([]);
    expect(allowedDomainsFrom("https://support.example.com, http://portal.local:8080")).toEqual([
      { protocol: "https", hostname: "support.example.com" },
      { protocol: "http", hostname: "portal.local", port: "8080" },
    ]);
    expect(() => allowedDomainsFrom("support.example.com")).toThrow(/PORTAL_ALLOWED_DOMAINS/);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows no inline code and only the portal's own origin by default", () => {
    const csp = contentSecurityPolicy({ helpOrigin: "https://help.example", helpSearch: false });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("help.example");
    expect(csp).not.toContain("unsafe");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("lets the help center's search in only when asked", () => {
    const csp = contentSecurityPolicy({ helpOrigin: "https://help.example", helpSearch: true });
    expect(csp).toContain("script-src 'self' https://help.example 'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self' https://help.example");
  });
});

describe("resolveLocale", () => {
  it("prefers the user's language, then the switcher's, then French", () => {
    expect(resolveLocale("en", "fr")).toBe("en");
    expect(resolveLocale(null, "en")).toBe("en");
    expect(resolveLocale(undefined, "de")).toBe("fr");
  });
});

describe("help links", () => {
  it.each(Object.keys(helpArticles) as Array<keyof typeof helpArticles>)(
    "%s has a French and an English URL",
    (article) => {
      expect(helpArticle(article, "fr", "https://help.example")).toMatch(
        /^https:\/\/help\.example\/articles\/[a-z0-9-]+\/$/,
      );
      expect(helpArticle(article, "en", "https://help.example")).toMatch(
        /^https:\/\/help\.example\/en\/articles\/[a-z0-9-]+\/$/,
      );
    },
  );

  it("points to each language's home and search index", () => {
    expect(helpHome("fr", "https://h")).toBe("https://h/");
    expect(helpHome("en", "https://h")).toBe("https://h/en/");
    expect(helpSearchBundle("fr", "https://h")).toBe("https://h/pagefind/");
    expect(helpSearchBundle("en", "https://h")).toBe("https://h/en/pagefind/");
  });
});
