/** Interface words of the shared components, looked up by key in the reader's locale. */
import type { Locale } from "@cirrus/domain";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

export type MessageKey = keyof typeof fr;

const dictionaries: Readonly<Record<Locale, Record<MessageKey, string>>> = { fr, en };

/**
 * The interface word for a key, with `{name}` placeholders filled from `params`.
 * @example t("fr", "openRequest.label") // "Ouvrir une demande"
 * @example t("en", "holidays.caption", { year: 2026 }) // "Public holidays 2026"
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
