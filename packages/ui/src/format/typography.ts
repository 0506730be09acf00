/** French typographic spacing: no-break spaces before high punctuation and inside guillemets. */
import type { Locale } from "@cirrus/domain";

const NARROW_NBSP = "\u202f";
const NBSP = "\u00a0";

/**
 * Replaces the ordinary space before `; ! ?` (narrow no-break), before `:` (no-break) and inside
 * « » with no-break spaces, so French punctuation never starts a line. Other locales: unchanged.
 * @example frenchSpacing("Délai : 2 jours ?", "fr") // "Délai\u00a0: 2 jours\u202f?"
 */
export function frenchSpacing(text: string, locale: Locale = "fr"): string {
  if (locale !== "fr") return text;
  return text
    .replace(/ ([;!?»])/g, `${NARROW_NBSP}$1`)
    .replace(/ :/g, `${NBSP}:`)
    .replace(/« /g, `«${NARROW_NBSP}`);
}
