/** The page's language: the signed-in user's preference, else the switcher's cookie, else French. */
import { defaultLocale, isLocale, type Locale } from "@cirrus/domain";
import type { AstroCookies } from "astro";

/** Cookie of the language switcher (for pages before sign-in); not a secret. */
export const languageCookie = "cs_lang";

/**
 * Picks the locale of a request.
 * @example resolveLocale("en", undefined) // "en"
 */
export function resolveLocale(
  userLocale: string | null | undefined,
  cookieValue: string | null | undefined,
): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(cookieValue)) return cookieValue;
  return defaultLocale;
}

/** Remembers an anonymous visitor's choice for a year. */
export function setLanguageCookie(cookies: AstroCookies, locale: Locale, secure: boolean): void {
  cookies.set(languageCookie, locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure,
    maxAge: 365 * 86_400,
  });
}
