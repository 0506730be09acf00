/** Languages of the product and the bilingual text type every business label uses. */

/** The product's languages; French first (the default everywhere), English second. */
export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";

/** A text in every supported language. */
export type Localized = Readonly<Record<Locale, string>>;

/**
 * Whether a value is one of the supported locales.
 * @example isLocale("en") // true
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Picks a localized text, falling back to French.
 * @example localize({ fr: "Inclus", en: "Included" }, "en") // "Included"
 */
export function localize(text: Localized, locale: Locale = defaultLocale): string {
  return text[locale] ?? text[defaultLocale];
}
