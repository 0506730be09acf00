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

interface Entry {
  readonly hit: Hit;
  /** Folded (see `fold`), punctuation kept: keywords (joined by " | "), title, description. */
  readonly fields: readonly [keywords: string, title: string, description: string];
  /** Each keyword, folded, its words separated by one space (for the phrase bonus). */
  readonly phrases: readonly string[];
  /** The title, folded, its words separated by one space. */
  readonly titleWords: string;
}
export type PreparedSuggestions = readonly Entry[];
const FIELD_WEIGHTS = [WEIGHTS.keywords, WEIGHTS.title, WEIGHTS.description] as const;

/**
 * Case, accents and ligatures folded, so "Delai", "délai" and "DÉLAI" are the same word. It never
 * makes nor removes quotes, backslashes or brackets, so it can fold a whole JSON text at once.
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

const wordChar = /[\p{L}\p{N}]/u;
const separators = /[^\p{L}\p{N}\n]+/gu;
const isWordChar = (char: string | undefined) => char !== undefined && wordChar.test(char);

/**
 * Prepares the index when it arrives. Folding 1,000 articles one string at a time, and splitting
 * them into words, cost ~80 ms of main thread in Chromium (measured), while Pagefind boots on the
 * same thread; so the whole JSON text is folded in one pass and parsed a second time (~10 ms),
 * and matching works on the folded strings with `indexOf`.
 */
export function prepareSuggestions(text: string): PreparedSuggestions {
  const original = (JSON.parse(text) as SuggestionFile).articles;
  const folded = (JSON.parse(fold(text)) as SuggestionFile).articles;
  return original.map(([url, title, description], i) => {
    const [, foldedTitle = "", foldedDescription = "", foldedKeywords = []] = folded[i] ?? [];
    // Keywords and title as words, with one regular expression per article (not per keyword).
    const lines = [...foldedKeywords, foldedTitle].join("\n").replace(separators, " ").split("\n");
    const phrases = lines.map((line) => line.trim());
    return {
      hit: { url, title, description, excerpt: "" },
      fields: [foldedKeywords.join(" | "), foldedTitle, foldedDescription],
      phrases: phrases.slice(0, -1),
      titleWords: phrases.at(-1) ?? "",
    };
  });
}

/** How well a field has a word beginning with `term`: 1 the whole word, PREFIX_FACTOR its start, 0 not. */
function wordMatch(field: string, term: string): number {
  let found = 0;
  for (let at = field.indexOf(term); at >= 0; at = field.indexOf(term, at + 1)) {
    if (isWordChar(field[at - 1])) continue;
    if (!isWordChar(field[at + term.length])) return 1;
    found = PREFIX_FACTOR;
  }
  return found;
}

/** The best weight of a term in an article: 0 when no word starts with it. */
function termScore(entry: Entry, term: string): number {
  let best = 0;
  for (const [i, field] of entry.fields.entries()) {
    const weight = FIELD_WEIGHTS[i] ?? 0;
    if (weight <= best) continue;
    best = Math.max(best, weight * wordMatch(field, term));
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
    if (terms.length > 1 && entry.titleWords.includes(phrase)) score += TITLE_PHRASE_BONUS;
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
    const index = prepareSuggestions(await response.text());
    // A first search while the reader has not typed yet, so the first key's runs compiled code.
    suggest(index, "a", 1);
    return index;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
