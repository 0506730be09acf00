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
 * The API session's absolute lifetime: 30 days from sign-in whatever the use (OWASP ASVS 5 V7.3.2;
 * apps/api/src/auth/sessions.ts). The cookie lives that long; the API ends the session sooner after
 * 10 days without use (the sliding inactivity timeout, which the login answer's `expiresAt` shows),
 * and a refused token clears the cookie (src/middleware.ts). Were the cookie to expire at that first
 * `expiresAt`, an active user would be signed out after 10 days although the API still knows them.
 */
export const sessionAbsoluteLifetimeSeconds = 30 * 86_400;

/**
 * Seconds the cookie should live: until the session's absolute end, `signedInAt` + 30 days
 * (never negative).
 * @example cookieMaxAge(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z")) // 2592000
 */
export function cookieMaxAge(signedInAt: Date, now: Date = new Date()): number {
  const seconds = sessionAbsoluteLifetimeSeconds - Math.ceil((now.getTime() - signedInAt.getTime()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, Math.min(sessionAbsoluteLifetimeSeconds, seconds)) : 0;
}

/** Stores a freshly issued API session token (sign-in, accepted invitation): it lives 30 days. */
export function setSessionCookie(cookies: AstroCookies, token: string, signedInAt: Date = new Date()): void {
  cookies.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.production,
    maxAge: cookieMaxAge(signedInAt),
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
