// Benchmark (not a test): copies the help center to a temporary folder, adds synthetic articles up
// to 1,000 per language, runs a cold build + Pagefind indexing, and reports build time, peak memory,
// output and index sizes, article weight, and the time to the first search result in Chromium.
// Usage: pnpm --filter @cirrus/help bench [-- --articles 1000 --keep]
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, rmdir, stat, symlink, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { KEY_INTERVAL_MS, measureFirstResults, PAUSE_BEFORE_TYPING_MS } from "./bench/first-result.ts";
import { watchPeak } from "./bench/memory.ts";
import { syntheticArticle } from "./bench/synthetic.ts";
import { report, weighArticles } from "./check-weight.ts";
import { createStaticServer } from "./static-server.ts";

const { values } = parseArgs({
  // pnpm 10 passes the `--` of `pnpm bench -- --keep` through; it is not an argument.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { articles: { type: "string", default: "1000" }, keep: { type: "boolean", default: false } },
});
const perLanguage = Number(values.articles);
const app = join(import.meta.dirname, "..");

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Runs a command, returns its wall time, and the peak RSS and CPU time of its process tree. */
function run(cwd: string, args: string[]): Promise<{ ms: number; peakBytes: number; cpuMs: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
    const watch = watchPeak(child.pid ?? 0);
    child.on("error", fail);
    child.on("exit", (code) => {
      const { peakBytes, cpuMs } = watch.stop();
      if (code !== 0) fail(new Error(`${args.join(" ")} exited with ${code}`));
      else done({ ms: performance.now() - started, peakBytes, cpuMs });
    });
  });
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

// 1. A temporary copy whose node_modules is its own folder (Astro and Vite write caches there)
//    holding links to the app's installed packages. It lives inside the repository (.bench/,
//    git-ignored) because Vite resolves the workspace packages from the workspace root.
await mkdir(join(app, ".bench"), { recursive: true });
const work = await mkdtemp(join(app, ".bench", "run-"));
console.log(`bench: working in ${work}`);
for (const entry of ["astro.config.ts", "package.json", "src", "public", "scripts"]) {
  await cp(join(app, entry), join(work, entry), { recursive: true });
}
// The app's tsconfig extends the repository's by a relative path; point it at the original.
const tsconfig = JSON.parse(await readFile(join(app, "tsconfig.json"), "utf8")) as { extends: string };
tsconfig.extends = join(app, tsconfig.extends);
await writeFile(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
await mkdir(join(work, "node_modules"));
for (const entry of await readdir(join(app, "node_modules"))) {
  if (entry === ".astro" || entry === ".vite") continue;
  await symlink(join(app, "node_modules", entry), join(work, "node_modules", entry));
}

// 2. Synthetic articles next to the real ones, up to `perLanguage` per language.
for (const locale of ["fr", "en"] as const) {
  const dir = join(work, "src", "content", "articles", locale);
  const existing = (await readdir(dir)).filter((f) => f.endsWith(".mdx")).length;
  for (let n = 1; n <= perLanguage - existing; n++) {
    const article = syntheticArticle(locale, n);
    await writeFile(join(dir, `${article.slug}.mdx`), article.mdx);
  }
}

// 3. Cold build and indexing, timed and watched.
const astro = await run(work, ["scripts/astro.ts", "build"]);
const index = await run(work, ["scripts/index-search.ts"]);
const dist = join(work, "dist");
const weights = await weighArticles(dist);
const [outputBytes, frIndex, enIndex] = await Promise.all([
  sizeOf(dist),
  sizeOf(join(dist, "pagefind")),
  sizeOf(join(dist, "en", "pagefind")),
]);
// The search box's suggestion index (fetched on focus, with Pagefind): raw and gzip, as served.
const suggestionSizes = await Promise.all(
  [join(dist, "search", "suggestions.json"), join(dist, "en", "search", "suggestions.json")].map(
    async (file) => {
      const bytes = await readFile(file);
      return { raw: bytes.length, gzip: gzipSync(bytes).length };
    },
  ),
);

// 4. Time to first result, on the built site served on loopback.
const server = await createStaticServer({ root: dist, corsOrigins: [], connectOrigins: [] });
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const timings = await measureFirstResults(baseUrl, [
  ["jour ouvré", "/articles/delais-de-reponse/"],
  ["délai de réponse", "/articles/delais-de-reponse/"],
  ["criticité", "/articles/choisir-la-criticite/"],
  ["devis", "/articles/demander-un-devis-de-developpement/"],
  ["mot de passe", "/articles/invitation-et-mot-de-passe/"],
  ["business day", "/en/articles/response-times/"],
  ["response time", "/en/articles/response-times/"],
  ["criticality", "/en/articles/choosing-criticality/"],
  ["quote", "/en/articles/request-a-custom-development-quote/"],
  ["password", "/en/articles/invitation-and-password/"],
]);
server.close();

const { lines } = report(weights);
// A measurement that never came (NaN: timed out) counts as the slowest, never as fast.
const median = (list: number[]) =>
  list.map((x) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x)).sort((a, b) => a - b)[
    Math.floor(list.length / 2)
  ] ?? 0;
console.log(`
Help center benchmark — ${perLanguage} articles per language (${weights.length} article pages)
  machine                    ${cpus().length} CPU, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} when done
  build (astro, cold)        ${s(astro.ms)} wall, ${s(astro.cpuMs)} CPU   peak memory ${mb(astro.peakBytes)}
  index (pagefind, 2 langs)  ${s(index.ms)} wall, ${s(index.cpuMs)} CPU   peak memory ${mb(index.peakBytes)}
  build + index              ${s(astro.ms + index.ms)} wall, ${s(astro.cpuMs + index.cpuMs)} CPU   peak memory ${mb(Math.max(astro.peakBytes, index.peakBytes))}
  output                     ${mb(outputBytes)} in dist/
  search index               ${mb(frIndex)} French, ${mb(enIndex)} English (bundle incl. WebAssembly)
  suggestion index           ${suggestionSizes.map((x, i) => `${kb(x.raw)} (${kb(x.gzip)} gzip) ${i === 0 ? "French" : "English"}`).join(", ")}
${lines.slice(1, 2).join("\n")}
  first result (Chromium; each run in a fresh browser context, nothing cached)
    API: Pagefind alone: boot | search + first result's data, index chunks cold | again
    reader: focus, ${PAUSE_BEFORE_TYPING_MS} ms pause, one key every ${KEY_INTERVAL_MS} ms: first key → first suggestion | last key → first suggestion for the query (✓: its first article is the expected one) | last key → Pagefind's complete list
    cold-typed: the whole query in the box at focus (nothing loaded): focus → first suggestion for the query | → Pagefind's complete list
    Suggestions may be the quick answer (suggestion index); Pagefind's complete list replaces them (its first article: ✓ column at the left).
    query             Pagefind's first                                      boot |     cold    again |  1st key   last key  | Pagefind's | cold-typed Pagefind's
${timings
  .map(
    (t) =>
      `    ${t.query.padEnd(17)} ${t.readerCompleteFirst === t.expected && t.first === t.expected ? "✓" : "✗"} ${t.first.padEnd(48)} ${ms(t.bootMs)} | ${ms(t.apiMs)} ${ms(t.apiWarmMs)} | ${ms(t.readerFirstKeyMs)} ${ms(t.readerLastKeyMs)} ${t.readerFirst === t.expected ? "✓" : "✗"} | ${ms(t.readerCompleteMs)} | ${ms(t.coldTypedMs)} ${ms(t.coldCompleteMs)}`,
  )
  .join("\n")}
  median: boot ${median(timings.map((t) => t.bootMs)).toFixed(1)} ms; API search + first data ${median(timings.map((t) => t.apiMs)).toFixed(1)} ms cold, ${median(timings.map((t) => t.apiWarmMs)).toFixed(1)} ms again
  median: reader first key → first suggestion ${median(timings.map((t) => t.readerFirstKeyMs)).toFixed(1)} ms, last key → first suggestion ${median(timings.map((t) => t.readerLastKeyMs)).toFixed(1)} ms, last key → Pagefind's complete list ${median(timings.map((t) => t.readerCompleteMs)).toFixed(1)} ms
  median: cold-typed → first suggestion ${median(timings.map((t) => t.coldTypedMs)).toFixed(1)} ms, → Pagefind's complete list ${median(timings.map((t) => t.coldCompleteMs)).toFixed(1)} ms
  first suggestion for the query led by the expected article: ${timings.filter((t) => t.readerFirst === t.expected).length}/${timings.length}; Pagefind's complete list: ${timings.filter((t) => t.readerCompleteFirst === t.expected).length}/${timings.length}
  budget "first search result ≤ 60 ms" (reader, worst of first key and last key, median): ${Math.max(median(timings.map((t) => t.readerFirstKeyMs)), median(timings.map((t) => t.readerLastKeyMs))) <= 60 ? "met" : "MISSED"}
`);
if (values.keep) console.log(`kept ${work}`);
else {
  await rm(work, { recursive: true, force: true });
  await rmdir(join(app, ".bench")).catch(() => {}); // only when no other run is kept there
}
