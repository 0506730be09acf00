/** Reading the articles collection: per language, by category, and each article's translation. */

import { type CollectionEntry, getCollection } from "astro:content";
import type { Locale } from "@cirrus/domain";
import type { CategoryId } from "../i18n/categories.ts";
import { articleUrl } from "../i18n/routes.ts";

export type Article = CollectionEntry<"articles">;

/**
 * The language of an entry, from its id (`fr/…` or `en/…`).
 * @example localeOf({ id: "en/password-reset" }) // "en"
 */
export function localeOf(entry: Pick<Article, "id">): Locale {
  return entry.id.startsWith("en/") ? "en" : "fr";
}

/**
 * The URL slug of an entry (its id without the language folder).
 * @example slugOf({ id: "fr/delais-de-reponse" }) // "delais-de-reponse"
 */
export function slugOf(entry: Pick<Article, "id">): string {
  return entry.id.slice(entry.id.indexOf("/") + 1);
}

/**
 * The public URL of an entry.
 * @example urlOf({ id: "en/response-times" }) // "/en/articles/response-times/"
 */
export function urlOf(entry: Pick<Article, "id">): string {
  return articleUrl(localeOf(entry), slugOf(entry));
}

function byOrder(a: Article, b: Article): number {
  return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}

/** A language's articles and the lookups every page needs, computed once per build. */
interface LocaleIndex {
  readonly all: Article[];
  readonly byTranslationKey: ReadonlyMap<string, Article>;
  readonly byCategory: ReadonlyMap<CategoryId, Article[]>;
}

const cache = new Map<Locale, Promise<LocaleIndex>>();

async function buildIndex(locale: Locale): Promise<LocaleIndex> {
  const all = (await getCollection("articles", (entry) => localeOf(entry) === locale)).sort(byOrder);
  const byTranslationKey = new Map(all.map((entry) => [entry.data.translationKey, entry] as const));
  const byCategory = new Map<CategoryId, Article[]>();
  for (const entry of all) {
    const list = byCategory.get(entry.data.category) ?? [];
    list.push(entry);
    byCategory.set(entry.data.category, list);
  }
  return { all, byTranslationKey, byCategory };
}

/** The index of a language; built once in production (pages ask for it thousands of times). */
function indexOf(locale: Locale): Promise<LocaleIndex> {
  let index = import.meta.env.PROD ? cache.get(locale) : undefined;
  if (!index) {
    index = buildIndex(locale);
    cache.set(locale, index);
  }
  return index;
}

/** Every article of a language, by position. */
export async function articlesOf(locale: Locale): Promise<Article[]> {
  return (await indexOf(locale)).all;
}

/** The articles of one category in a language, in position order. */
export async function articlesIn(locale: Locale, category: CategoryId): Promise<Article[]> {
  return (await indexOf(locale)).byCategory.get(category) ?? [];
}

/** The same article in the other language, if it exists. */
export async function translationOf(entry: Article): Promise<Article | undefined> {
  const other: Locale = localeOf(entry) === "fr" ? "en" : "fr";
  return (await indexOf(other)).byTranslationKey.get(entry.data.translationKey);
}

/**
 * Up to `limit` neighbours of an article in its category (the ones around its position), so
 * the page does not grow with the size of the category.
 */
export function neighbours(entry: Article, inCategory: readonly Article[], limit = 5): Article[] {
  const index = inCategory.findIndex((candidate) => candidate.id === entry.id);
  const start = Math.max(0, Math.min(index - Math.floor(limit / 2), inCategory.length - limit - 1));
  return inCategory
    .slice(start, start + limit + 1)
    .filter((candidate) => candidate.id !== entry.id)
    .slice(0, limit);
}
