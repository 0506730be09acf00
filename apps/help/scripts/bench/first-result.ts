/**
 * Time to the first search result on a served site, in headless Chromium. For each query:
 * - API: a fresh page imports Pagefind and `init()`s it (main thread, as the site does), boots it
 *   with an unrelated one-letter search (WebAssembly and metadata loaded), then times search() +
 *   the first result's data() for the query (its index chunks fetched cold), then the same again;
 * - reader: on an article page (no script loaded yet), the reader focuses the search box — which
 *   loads the search script, the suggestion index and Pagefind — pauses as people do before
 *   typing, then types the query one key every 150 ms. Timed: the first suggestion shown (from the
 *   key that typed its text), last key → first suggestion for the whole query (this is the budget's
 *   "first search result"; it may be the quick answer, from the suggestion index), and last key →
 *   Pagefind's complete list for it (`data-complete="true"`). A list counts only when it holds at
 *   least one article (not just the "see all results" link);
 * - cold-typed: the whole query lands in the box at the moment of focus (pasted, or typed faster
 *   than anyone types), so nothing is loaded yet: focus → first suggestion, and → complete list.
 */
import { type Browser, chromium } from "@playwright/test";
import { searchRanking } from "../../src/client/ranking.ts";

export interface QueryTiming {
  readonly query: string;
  readonly expected: string;
  /** URL of the first result. */
  readonly first: string;
  /** Pagefind import + init + a first search (boot: WebAssembly, metadata), ms. */
  readonly bootMs: number;
  /** search() + first result's data() once booted, index chunks fetched cold, ms. */
  readonly apiMs: number;
  /** Same query again (index chunks cached), ms. */
  readonly apiWarmMs: number;
  /** Reader: the first answer shown, from the key that typed its text, ms. */
  readonly readerFirstKeyMs: number;
  /** Reader: last key → first suggestion for the whole query, ms. */
  readonly readerLastKeyMs: number;
  /** Reader: the first article of that first list (quick answer or Pagefind's). */
  readonly readerFirst: string;
  /** Reader: last key → Pagefind's complete list for the whole query, ms. */
  readonly readerCompleteMs: number;
  /** Reader: the first article of Pagefind's complete list. */
  readonly readerCompleteFirst: string;
  /** Cold-typed: focus (with the whole query) → first suggestion for it, ms. */
  readonly coldTypedMs: number;
  /** Cold-typed: focus → Pagefind's complete list, ms. */
  readonly coldCompleteMs: number;
}

interface TypingTiming {
  readonly firstKey: number;
  readonly lastKey: number;
  readonly first: string;
  readonly complete: number;
  readonly completeFirst: string;
}

export const KEY_INTERVAL_MS = 150;
/** Between focusing the box and the first key: people take longer (a click, then a look). */
export const PAUSE_BEFORE_TYPING_MS = 300;

/** A page in a context of its own: empty HTTP cache, as for a first-time reader. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

async function apiTiming(browser: Browser, baseUrl: string, prefix: string, query: string) {
  const { page, close } = await freshPage(browser);
  await page.goto(`${baseUrl}${prefix}/search/`);
  const measured = await page.evaluate(
    async ([q, bundle, ranking]) => {
      const t0 = performance.now();
      const pagefind = await import(bundle);
      await pagefind.options({ ranking, noWorker: true });
      await pagefind.init();
      await pagefind.search("x");
      const t1 = performance.now();
      const response = await pagefind.search(q);
      const data = await response.results[0]?.data();
      const t2 = performance.now();
      const again = await pagefind.search(q);
      await again.results[0]?.data();
      const t3 = performance.now();
      return { first: data?.url ?? "", bootMs: t1 - t0, apiMs: t2 - t1, apiWarmMs: t3 - t2 };
    },
    [query, `${prefix}/pagefind/pagefind.js`, searchRanking] as const,
  );
  await close();
  return measured;
}

/** On an article page: focus, optionally pause and type key by key, and time the suggestions. */
async function typingTiming(
  browser: Browser,
  articleUrl: string,
  query: string,
  mode: "reader" | "cold",
): Promise<TypingTiming> {
  const { page, close } = await freshPage(browser);
  await page.goto(articleUrl);
  const timing = await page.evaluate(
    ([q, interval, pause, cold]) =>
      new Promise<TypingTiming>((done) => {
        const result = {
          firstKey: Number.NaN,
          lastKey: Number.NaN,
          first: "",
          complete: Number.NaN,
          completeFirst: "",
        };
        const input = document.querySelector<HTMLInputElement>("#header-search-input");
        const list = document.querySelector<HTMLElement>("#header-search-listbox");
        if (!input || !list) return done(result);
        // When each text was typed; the first answer shown is timed from the key that typed its text.
        const typedAt = new Map<string, number>();
        const observer = new MutationObserver(() => {
          const shown = list.dataset.query;
          const at = shown === undefined ? undefined : typedAt.get(shown);
          if (at === undefined) return;
          const elapsed = performance.now() - at;
          // What the reader sees: articles, not only the "see all results" link.
          const hits = list.querySelectorAll<HTMLElement>('[role="option"]:not(.cs-hit--all)');
          const top = hits[0]?.dataset.url ?? "";
          if (hits.length > 0 && !list.hidden) {
            if (Number.isNaN(result.firstKey)) result.firstKey = elapsed;
            if (shown === q && Number.isNaN(result.lastKey)) {
              result.lastKey = elapsed;
              result.first = top;
            }
          }
          if (shown === q && list.dataset.complete === "true") {
            result.complete = elapsed;
            result.completeFirst = top;
            observer.disconnect();
            done(result);
          }
        });
        observer.observe(list, { attributes: true, childList: true });
        setTimeout(() => done(result), 10_000);
        if (cold) {
          // The box already holds the query when focus loads the script (it searches at once).
          input.value = q;
          typedAt.set(q, performance.now());
          input.focus();
          return;
        }
        input.focus(); // the search form's onfocusin imports the search script
        const type = (i: number) => {
          input.value = q.slice(0, i);
          // The box searches the trimmed text.
          if (!typedAt.has(input.value.trim())) typedAt.set(input.value.trim(), performance.now());
          input.dispatchEvent(new Event("input", { bubbles: true }));
          if (i < q.length) setTimeout(() => type(i + 1), interval);
        };
        setTimeout(() => type(1), pause);
      }),
    [query, KEY_INTERVAL_MS, PAUSE_BEFORE_TYPING_MS, mode === "cold"] as const,
  );
  await close();
  return timing;
}

export async function measureFirstResults(
  baseUrl: string,
  queries: readonly (readonly [query: string, expected: string])[],
): Promise<QueryTiming[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const timings: QueryTiming[] = [];
  try {
    for (const [query, expected] of queries) {
      const prefix = expected.startsWith("/en/") ? "/en" : "";
      const api = await apiTiming(browser, baseUrl, prefix, query);
      // Each run in a fresh browser context: nothing cached, neither in memory nor over HTTP.
      const articleUrl = `${baseUrl}${prefix}/articles/${expected.split("/").at(-2)}/`;
      const reader = await typingTiming(browser, articleUrl, query, "reader");
      const cold = await typingTiming(browser, articleUrl, query, "cold");
      timings.push({
        query,
        expected,
        first: api.first,
        bootMs: api.bootMs,
        apiMs: api.apiMs,
        apiWarmMs: api.apiWarmMs,
        readerFirstKeyMs: reader.firstKey,
        readerLastKeyMs: reader.lastKey,
        readerFirst: reader.first,
        readerCompleteMs: reader.complete,
        readerCompleteFirst: reader.completeFirst,
        coldTypedMs: cold.lastKey,
        coldCompleteMs: cold.complete,
      });
    }
  } finally {
    await browser.close();
  }
  return timings;
}
