// After `astro build`: one Pagefind index per language, French at /pagefind/, English at
// /en/pagefind/. Only article pages are indexed (their <article data-pagefind-body> says what);
// URLs are relative to the language's folder, so both bundles hold /articles/<slug>/ and the
// English bundle's results get /en/ from the folder it is loaded from. The two languages are
// indexed in parallel by Pagefind's own binary (its CLI is about twice as fast as its Node API).
// Usage: node scripts/index-search.ts [distDir]   (default: dist)
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type SearchLocale = "fr" | "en";

/** Pagefind's ready-made UIs: the help center and the portal use its JS API, so they are not shipped. */
const UNUSED = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** The CLI launcher of the `pagefind` package (it picks the platform binary). */
const pagefindCli = join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner", "bin.cjs");

/** Where a language's pages and bundle live in the built site. */
export function languageRoot(dist: string, locale: SearchLocale): string {
  return locale === "fr" ? dist : join(dist, "en");
}

async function indexLanguage(dist: string, locale: SearchLocale): Promise<number> {
  const root = languageRoot(dist, locale);
  const outputPath = join(root, "pagefind");
  const args = [pagefindCli, "--site", root, "--glob", "articles/**/index.html", "--force-language", locale];
  const output = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [...args, "--output-path", outputPath], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done(text) : fail(new Error(`pagefind (${locale}) exited with ${code}\n${text}`)),
    );
  });
  await Promise.all(UNUSED.map((file) => rm(join(outputPath, file), { force: true })));
  return Number(output.match(/Indexed (\d+) pages?/)?.[1] ?? Number.NaN);
}

/** Builds both indexes; returns how many articles each language has. */
export async function indexSearch(distDir: string): Promise<Record<SearchLocale, number>> {
  const dist = resolve(distDir);
  const [fr, en] = await Promise.all([indexLanguage(dist, "fr"), indexLanguage(dist, "en")]);
  return { fr, en };
}

if (import.meta.main) {
  const started = performance.now();
  const counts = await indexSearch(process.argv[2] ?? "dist");
  const ms = Math.round(performance.now() - started);
  console.log(`pagefind: indexed ${counts.fr} French and ${counts.en} English articles in ${ms} ms`);
}
