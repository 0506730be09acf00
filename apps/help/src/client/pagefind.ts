/** Loads the page language's Pagefind bundle once and turns its results into article hits. */
import { searchRanking } from "./ranking.ts";

export interface Hit {
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** Pagefind's excerpt around the matched words (HTML with <mark>, escaped by Pagefind). */
  readonly excerpt: string;
}

export interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<Pagefind> | undefined;

/** The bundle of the page's language: French at the root, English under /en/. */
export function bundleUrl(lang: string): string {
  return lang === "en" ? "/en/pagefind/" : "/pagefind/";
}

/**
 * Imports and initializes Pagefind (once); call it early (on focus) to hide the latency. Resolves
 * when Pagefind is ready to search: WebAssembly and the language's metadata loaded.
 */
export function loadPagefind(lang: string): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(`${bundleUrl(lang)}pagefind.js`)) as Pagefind;
    // The main thread is faster than Pagefind's worker here (measured: first result ~370 ms vs
    // ~600 ms cold on 1,000 articles); a search itself takes a few milliseconds.
    await pagefind.options({ ranking: searchRanking, noWorker: true });
    await pagefind.init();
    // `init()` only starts loading the WebAssembly and the metadata; a search made before they are
    // in waits for them by polling every 50 ms. An empty search loads no index chunk and returns
    // once they are in, so the reader's first key finds Pagefind ready (warm-up on focus).
    await pagefind.search("");
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The results of a query, best first (their data is fetched on demand with `hitOf`). */
export async function searchArticles(lang: string, query: string): Promise<readonly PagefindResult[]> {
  const pagefind = await loadPagefind(lang);
  return (await pagefind.search(query))?.results ?? [];
}

/** The article behind a result: title, description and excerpt (one small fetch). */
export async function hitOf(result: PagefindResult): Promise<Hit> {
  const data = await result.data();
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    description: data.meta.description ?? "",
    excerpt: data.excerpt,
  };
}
