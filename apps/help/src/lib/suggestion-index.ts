/**
 * The build side of the search box's quick answer (src/client/suggestions.ts): every article of a
 * language as [url, title, description, keywords], the metadata its page gives Pagefind. Served at
 * /search/suggestions.json and /en/search/suggestions.json; fetched only when the search box is
 * focused, so pages still carry no JavaScript and no index before the reader touches search.
 */
import type { Locale } from "@cirrus/domain";
import type { SuggestionFile, SuggestionRow } from "../client/suggestions.ts";
import { type Article, articlesOf, urlOf } from "./articles.ts";

/** One article's row (exported for tests, which build rows from the MDX files). */
export function suggestionRow(
  url: string,
  data: Pick<Article["data"], "title" | "description" | "keywords">,
): SuggestionRow {
  return [url, data.title, data.description, data.keywords];
}

/** A language's suggestion index, in the help center's article order. */
export async function suggestionFile(locale: Locale): Promise<SuggestionFile> {
  const articles = await articlesOf(locale);
  return { articles: articles.map((entry) => suggestionRow(urlOf(entry), entry.data)) };
}

/** The JSON response of the static endpoint (compact: no indentation). */
export async function suggestionResponse(locale: Locale): Promise<Response> {
  return new Response(JSON.stringify(await suggestionFile(locale)), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
