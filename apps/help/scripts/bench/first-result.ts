/**
 * Time to the first search result on a served site, in headless Chromium: for each query, a fresh
 * page (1) calls Pagefind directly — search + first result's data — after `init()`, and (2) types
 * into the header box (search script loaded on focus) and waits for the first suggestion.
 */
import { chromium } from "@playwright/test";
import { searchRanking } from "../../src/client/ranking.ts";

export interface QueryTiming {
  readonly query: string;
  readonly expected: string;
  /** URL of the first result. */
  readonly first: string;
  /** Pagefind import + init, ms. */
  readonly initMs: number;
  /** search() + first result's data(), first query on the page, ms. */
  readonly apiMs: number;
  /** Same query again (index chunks cached), ms. */
  readonly apiWarmMs: number;
  /** From the input event to the first suggestion in the DOM (script already loaded on focus), ms. */
  readonly uiMs: number;
}

export async function measureFirstResults(
  baseUrl: string,
  queries: readonly (readonly [query: string, expected: string])[],
): Promise<QueryTiming[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const timings: QueryTiming[] = [];
  try {
    for (const [query, expected] of queries) {
      const prefix = expected.startsWith("/en/") ? "/en" : "";
      const api = await browser.newPage();
      await api.goto(`${baseUrl}${prefix}/search/`);
      const measured = await api.evaluate(async ([q, bundle, ranking]) => {
        const t0 = performance.now();
        const pagefind = await import(bundle);
        await pagefind.options({ ranking });
        await pagefind.init();
        const t1 = performance.now();
        const response = await pagefind.search(q);
        const data = await response.results[0]?.data();
        const t2 = performance.now();
        const again = await pagefind.search(q);
        await again.results[0]?.data();
        const t3 = performance.now();
        return { first: data?.url ?? "", initMs: t1 - t0, apiMs: t2 - t1, apiWarmMs: t3 - t2 };
      }, [query, `${prefix}/pagefind/pagefind.js`, searchRanking] as const);
      await api.close();

      const ui = await browser.newPage();
      await ui.goto(`${baseUrl}${prefix}/articles/${expected.split("/").at(-2)}/`);
      // Focus loads the search script and Pagefind (WebAssembly included, maybe in a worker).
      const wasm = ui.waitForResponse((response) => /wasm\.\w+\.pagefind$/.test(response.url()));
      await ui.focus("#header-search-input");
      await wasm;
      await ui.waitForLoadState("networkidle");
      const uiMs = await ui.evaluate(
        (q) =>
          new Promise<number>((done) => {
            const input = document.querySelector<HTMLInputElement>("#header-search-input");
            const list = document.querySelector("#header-search-listbox");
            if (!input || !list) return done(Number.NaN);
            const observer = new MutationObserver(() => {
              if (list.querySelector('[role="option"]')) {
                observer.disconnect();
                done(performance.now() - t0);
              }
            });
            observer.observe(list, { childList: true });
            input.value = q;
            const t0 = performance.now();
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }),
        query,
      );
      await ui.close();
      timings.push({ query, expected, ...measured, uiMs });
    }
  } finally {
    await browser.close();
  }
  return timings;
}
