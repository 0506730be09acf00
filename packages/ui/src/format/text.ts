/** A business text from the domain in the reader's locale, with the locale's typography. */
import { type Locale, type Localized, localize } from "@cirrus/domain";
import { frenchSpacing } from "./typography.ts";

/**
 * Picks the locale's text and applies its typographic spacing.
 * @example text({ fr: "Délai : 1 jour", en: "Time: 1 day" }, "fr") // "Délai\u00a0: 1 jour"
 */
export function text(value: Localized, locale: Locale): string {
  return frenchSpacing(localize(value, locale), locale);
}
