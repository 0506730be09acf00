/**
 * The quick answer of the search box: a compact index of every article's title, description and
 * keywords (`/search/suggestions.json`, `/en/search/suggestions.json`, written by the build),
 * fetched on focus alongside Pagefind. It answers each key at once, before Pagefind has booted
 * (WebAssembly, metadata, then an index chunk and a fragment per result: ~280 ms for the first key
 * on 1,000 articles); Pagefind's answer, which also searches the body, replaces it when it comes.
 */
import type { Hit } from "./pagefind.ts";

/** One article: its URL, title, description and keywords (the metadata Pagefind also indexes). */
export type SuggestionRow = readonly [
  url: string,
  title: string,
  description: string,
  keywords: readonly string[],
];

/** The file the build writes per language. */
export interface SuggestionFile {
  readonly articles: readonly SuggestionRow[];
}

/**
 * Weights in the spirit of ranking.ts: keywords are what customers type, chosen on purpose, so a
 * match there counts most; the title next (Pagefind weights the `h1` 10 as body text); the
 * description least (it is prose, where common words match many articles).
 */
const WEIGHTS = { keywords: 10, title: 6, description: 2 } as const;
/** A word that is exactly the typed term beats one that merely starts with it. */
const PREFIX_FACTOR = 0.6;
/** The whole query is one of the article's keywords (or begins it): "jour ouvré", "mot de passe". */
const KEYWORD_PHRASE_BONUS = 20;
const KEYWORD_PHRASE_PREFIX_BONUS = 10;
/** The whole query appears as is in the title. */
const TITLE_PHRASE_BONUS = 5;

interface Field {
  readonly weight: number;
  readonly words: readonly string[];
}
interface Entry {
  readonly hit: Hit;
  readonly fields: readonly Field[];
  /** Each keyword, folded, its words separated by one space. */
  readonly phrases: readonly string[];
  /** The title, folded, its words separated by one space. */
  readonly title: string;
}
export type PreparedSuggestions = readonly Entry[];

/**
 * Case, accents and ligatures folded, so "Delai", "délai" and "DÉLAI" are the same word.
 * @example fold("Délai ŒUVRE") // "delai oeuvre"
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/**
 * The folded words of a text (apostrophes, hyphens and punctuation separate words).
 * @example words("L’heure d’ouverture (SLA)") // ["l", "heure", "d", "ouverture", "sla"]
 */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folds the index once, when it arrives (a few milliseconds for 1,000 articles). */
export function prepareSuggestions(file: SuggestionFile): PreparedSuggestions {
  return file.articles.map(([url, title, description, keywords]) => ({
    hit: { url, title, description, excerpt: "" },
    fields: [
      { weight: WEIGHTS.keywords, words: keywords.flatMap(words) },
      { weight: WEIGHTS.title, words: words(title) },
      { weight: WEIGHTS.description, words: words(description) },
    ],
    phrases: keywords.map((keyword) => words(keyword).join(" ")),
    title: words(title).join(" "),
  }));
}

/** The best weight of a term in an article: 0 when no word starts with it. */
function termScore(entry: Entry, term: string): number {
  let best = 0;
  for (const field of entry.fields) {
    if (field.weight <= best) continue;
    for (const word of field.words) {
      if (!word.startsWith(term)) continue;
      best = Math.max(best, field.weight * (word === term ? 1 : PREFIX_FACTOR));
      if (best === field.weight) break;
    }
  }
  return best;
}

/**
 * The best articles for what the reader has typed so far, best first. Every word of the query
 * must begin a word of the article's keywords, title or description (the last one is usually
 * being typed); short words in the middle ("de", "a") count when present but are not required.
 * Ties keep the index's order (the articles' order in the help center).
 */
export function suggest(index: PreparedSuggestions, query: string, limit: number): Hit[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const phrase = terms.join(" ");
  const scored: { hit: Hit; score: number; position: number }[] = [];
  index.forEach((entry, position) => {
    let score = 0;
    for (const [i, term] of terms.entries()) {
      const points = termScore(entry, term);
      const optional = term.length <= 2 && i < terms.length - 1;
      if (points === 0 && !optional) return;
      score += points;
    }
    if (entry.phrases.includes(phrase)) score += KEYWORD_PHRASE_BONUS;
    else if (entry.phrases.some((p) => p.startsWith(phrase))) score += KEYWORD_PHRASE_PREFIX_BONUS;
    if (terms.length > 1 && entry.title.includes(phrase)) score += TITLE_PHRASE_BONUS;
    scored.push({ hit: entry.hit, score, position });
  });
  scored.sort((a, b) => b.score - a.score || a.position - b.position);
  return scored.slice(0, limit).map((s) => s.hit);
}

/**
 * Where a language's suggestion index is published (same folders as the search page).
 * @example suggestionsUrl("en") // "/en/search/suggestions.json"
 */
export function suggestionsUrl(lang: string): string {
  return lang === "en" ? "/en/search/suggestions.json" : "/search/suggestions.json";
}

let loading: Promise<PreparedSuggestions> | undefined;

/** Fetches and folds the page language's suggestion index (once); call it on focus. */
export function loadSuggestions(lang: string): Promise<PreparedSuggestions> {
  loading ??= (async () => {
    const response = await fetch(suggestionsUrl(lang));
    if (!response.ok) throw new Error(`${suggestionsUrl(lang)}: HTTP ${response.status}`);
    return prepareSuggestions((await response.json()) as SuggestionFile);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
