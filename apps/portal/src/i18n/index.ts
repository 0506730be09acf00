/** Interface words by key in the page's language, with `{name}` placeholders and French typography. */
import type { Locale } from "@cirrus/domain";
import { frenchSpacing } from "@cirrus/ui";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };

const dictionaries: Readonly<Record<Locale, Record<MessageKey, string>>> = { fr, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * The interface word for a key, placeholders filled, with French no-break spacing.
 * @example translate("fr", "requests.expected", { date: "…" })
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = frenchSpacing(dictionaries[locale][key], locale);
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * A translate function bound to a locale.
 * @example const t = translator("en"); t("login.title") // "Sign in"
 */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/**
 * Singular or plural key by count (French counts 0 and 1 as singular).
 * @example plural("fr", 1, "wait.seconds", "wait.secondsPlural") // "wait.seconds"
 */
export function plural(locale: Locale, count: number, one: MessageKey, other: MessageKey): MessageKey {
  const single = locale === "fr" ? Math.abs(count) < 2 : Math.abs(count) === 1;
  return single ? one : other;
}
