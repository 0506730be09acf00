/**
 * Security headers of every page, with a strict Content-Security-Policy: only the portal's own
 * scripts and styles (no inline code), forms posting to the portal only, no framing. The
 * new-request page also allows the help center's origin, whose Pagefind index suggests articles.
 */

export interface CspOptions {
  /** Origin of the help center, allowed for script and fetches when `helpSearch` is on. */
  readonly helpOrigin: string;
  readonly helpSearch: boolean;
}

/**
 * The Content-Security-Policy header value.
 * @example contentSecurityPolicy({ helpOrigin: "http://localhost:4321", helpSearch: false })
 */
export function contentSecurityPolicy({ helpOrigin, helpSearch }: CspOptions): string {
  const help = helpSearch ? ` ${helpOrigin}` : "";
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that, not eval().
    `script-src 'self'${helpSearch ? `${help} 'wasm-unsafe-eval'` : ""}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${help}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** Adds the security headers to a page response (headers already set by the page are kept). */
export function applySecurityHeaders(headers: Headers, options: CspOptions & { production: boolean }): void {
  const set = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  set("content-security-policy", contentSecurityPolicy(options));
  set("x-content-type-options", "nosniff");
  set("x-frame-options", "DENY");
  // Reset and invitation links carry a token in their URL: never send it elsewhere.
  set("referrer-policy", "same-origin");
  set("cross-origin-opener-policy", "same-origin");
  set("cross-origin-resource-policy", "same-origin");
  set("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (options.production) set("strict-transport-security", "max-age=31536000; includeSubDomains");
}
