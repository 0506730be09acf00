/** The portal's run-time settings, read once from the environment (the only place that reads process.env). */

function origin(value: string | undefined, fallback: string, name: string): string {
  const raw = value?.trim() || fallback;
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`${name}: "${raw}" is not a URL such as ${fallback}`);
  }
}

export interface PortalConfig {
  /** Where the portal calls the API, server-side only. */
  readonly apiUrl: string;
  /** Public URL of the help center (links, and the Pagefind index loaded by the browser). */
  readonly helpUrl: string;
  /** `NODE_ENV=production`: `__Host-` cookie with Secure, HSTS. */
  readonly production: boolean;
  /** Milliseconds before an API call is abandoned. */
  readonly apiTimeoutMs: number;
}

/**
 * Reads the settings from an environment.
 * @example readConfig({ API_URL: "http://127.0.0.1:8787" }).apiUrl // "http://127.0.0.1:8787"
 */
export function readConfig(env: Record<string, string | undefined>): PortalConfig {
  return {
    apiUrl: origin(env.API_URL, "http://127.0.0.1:8787", "API_URL"),
    helpUrl: origin(env.HELP_URL, "http://localhost:4321", "HELP_URL"),
    production: env.NODE_ENV === "production",
    apiTimeoutMs: Number(env.API_TIMEOUT_MS) > 0 ? Number(env.API_TIMEOUT_MS) : 15_000,
  };
}

export const config: PortalConfig = readConfig(process.env);
