/** Public URLs of the help center's pages in each language (French at the root, English under /en/). */
import type { Locale } from "@cirrus/domain";
import type { CategoryId } from "./categories.ts";

const prefix: Readonly<Record<Locale, string>> = { fr: "", en: "/en" };

/**
 * The home page of a language.
 * @example homeUrl("en") // "/en/"
 */
export function homeUrl(locale: Locale): string {
  return `${prefix[locale]}/`;
}

/**
 * An article's page.
 * @example articleUrl("fr", "delais-de-reponse") // "/articles/delais-de-reponse/"
 */
export function articleUrl(locale: Locale, slug: string): string {
  return `${prefix[locale]}/articles/${slug}/`;
}

/**
 * A category's index page.
 * @example categoryUrl("en", "sla") // "/en/categories/sla/"
 */
export function categoryUrl(locale: Locale, id: CategoryId): string {
  return `${prefix[locale]}/categories/${id}/`;
}

/**
 * The search page (works from `?q=`).
 * @example searchUrl("fr") // "/search/"
 */
export function searchUrl(locale: Locale): string {
  return `${prefix[locale]}/search/`;
}

/**
 * Where a language's Pagefind bundle is published (`pagefind.js` inside).
 * @example searchBundleUrl("en") // "/en/pagefind/"
 */
export function searchBundleUrl(locale: Locale): string {
  return `${prefix[locale]}/pagefind/`;
}
