/** Parses PORTAL_ALLOWED_DOMAINS (comma-separated public origins) into Astro's `security.allowedDomains`. */

export interface AllowedDomain {
  protocol: string;
  hostname: string;
  port?: string;
}

/**
 * Public origins the portal is served under behind a reverse proxy, as Astro remote patterns.
 * Invalid entries fail the build rather than silently weakening the origin check.
 * @example allowedDomainsFrom("https://support.example.com") // [{ protocol: "https", hostname: "support.example.com" }]
 */
export function allowedDomainsFrom(value: string | undefined): AllowedDomain[] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(
          `PORTAL_ALLOWED_DOMAINS: "${entry}" is not an origin such as https://support.example.com`,
        );
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new Error(`PORTAL_ALLOWED_DOMAINS: "${entry}" must be http(s)`);
      }
      const domain: AllowedDomain = { protocol: url.protocol.slice(0, -1), hostname: url.hostname };
      if (url.port) domain.port = url.port;
      return domain;
    });
}
