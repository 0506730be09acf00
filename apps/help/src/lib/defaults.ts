/** Default local URLs of the three apps (each overridable by environment variable). */
export const defaultHelpUrl = "http://localhost:4321";
export const defaultPortalUrl = "http://localhost:4322";
export const defaultApiUrl = "http://localhost:8787";

/**
 * A base URL without its trailing slash.
 * @example withoutTrailingSlash("http://localhost:4322/") // "http://localhost:4322"
 */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
