/**
 * Time to the first search result on a served site, in headless Chromium. For each query:
 * - API: a fresh page imports Pagefind and `init()`s it (main thread, as the site does), boots it
 *   with an unrelated one-letter search (WebAssembly and metadata loaded), then times search() +
 *   the first result's data() for the query (its index chunks fetched cold), then the same again;
 * - UI: on an article page, the reader focuses the search box (which loads the search script and
 *   Pagefind) and types the query one key every 150 ms; timed from the last key to the first
 *   suggestion for the whole query, and to the complete list.
 */
import { chromium } from "@playwright/test";
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
  /** Typing: last key → first suggestion for the whole query / → complete list, ms. */
  readonly uiFirstMs: number;
  readonly uiCompleteMs: number;
}

const KEY_INTERVAL_MS = 150;

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
  const api = async (prefix: string, query: string) => {
    const page = await browser.newPage();
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
    await page.close();
    return measured;
  };
  const timings: QueryTiming[] = [];
  try {
    for (const [query, expected] of queries) {
      const prefix = expected.startsWith("/en/") ? "/en" : "";
      const main = await api(prefix, query);

      const ui = await browser.newPage();
      await ui.goto(`${baseUrl}${prefix}/articles/${expected.split("/").at(-2)}/`);
      // Focus loads the search script and Pagefind (WebAssembly included).
      const wasm = ui.waitForResponse((response) => /wasm\.\w+\.pagefind$/.test(response.url()));
      await ui.focus("#header-search-input");
      await wasm;
      await ui.waitForLoadState("networkidle");
      const typed = await ui.evaluate(
        ([q, interval]) =>
          new Promise<{ first: number; complete: number }>((done) => {
            const input = document.querySelector<HTMLInputElement>("#header-search-input");
            const list = document.querySelector<HTMLElement>("#header-search-listbox");
            if (!input || !list) return done({ first: Number.NaN, complete: Number.NaN });
            let last = 0;
            let first = Number.NaN;
            const observer = new MutationObserver(() => {
              if (list.dataset.query !== q || !last) return;
              if (Number.isNaN(first)) first = performance.now() - last;
              if (list.dataset.complete === "true") {
                observer.disconnect();
                done({ first, complete: performance.now() - last });
              }
            });
            observer.observe(list, { attributes: true, childList: true });
            const type = (i: number) => {
              input.value = q.slice(0, i);
              if (i === q.length) last = performance.now();
              input.dispatchEvent(new Event("input", { bubbles: true }));
              if (i < q.length) setTimeout(() => type(i + 1), interval);
            };
            type(1);
          }),
        [query, KEY_INTERVAL_MS] as const,
      );
      await ui.close();
      timings.push({
        query,
        expected,
        first: main.first,
        bootMs: main.bootMs,
        apiMs: main.apiMs,
        apiWarmMs: main.apiWarmMs,
        uiFirstMs: typed.first,
        uiCompleteMs: typed.complete,
      });
    }
  } finally {
    await browser.close();
  }
  return timings;
}
