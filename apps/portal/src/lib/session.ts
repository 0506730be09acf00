/**
 * The portal's session cookie. The API's session is the only session: the cookie carries its
 * token (`<id>.<secret>`), HttpOnly, SameSite=Lax, Path=/, and in production Secure with the
 * `__Host-` prefix (no Domain, so no sibling subdomain can set or read it).
 */
import type { AstroCookies } from "astro";
import { config } from "./config.ts";

/**
 * The cookie's name for the environment.
 * @example sessionCookieName(true) // "__Host-cs_session"
 */
export function sessionCookieName(production: boolean = config.production): string {
  return production ? "__Host-cs_session" : "cs_session";
}

const TOKEN_RE = /^[A-Za-z0-9_-]{1,100}\.[A-Za-z0-9_-]{1,200}$/;

/** The session token from the request's cookie, or null (a malformed value counts as none). */
export function readSessionToken(cookies: AstroCookies): string | null {
  const value = cookies.get(sessionCookieName())?.value;
  return value && TOKEN_RE.test(value) ? value : null;
}

/**
 * Seconds the cookie should live: until the API session's `expiresAt` (never negative).
 * @example cookieMaxAge("2026-01-11T00:00:00Z", new Date("2026-01-01T00:00:00Z")) // 864000
 */
export function cookieMaxAge(expiresAt: string, now: Date = new Date()): number {
  const seconds = Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
}

/** Stores a freshly issued API session token. */
export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: string): void {
  cookies.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.production,
    maxAge: cookieMaxAge(expiresAt),
  });
}

/** Removes the session cookie (sign-out, or a token the API no longer accepts). */
export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(sessionCookieName(), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.production,
  });
}
