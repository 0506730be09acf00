// Page-weight budget over the built site: for every article, the bytes a first visit transfers
// (HTML + stylesheets + scripts + images + favicon, each gzipped as the server sends them) must
// stay ≤ 25 kB, and no JavaScript may load before the reader touches search (no <script> at all).
// Usage: node scripts/check-weight.ts [distDir]  — writes test-results/weight-report.txt too.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { distDir } from "./dist-dir.ts";
import { attributeValues, htmlPages, isArticle } from "./site-files.ts";

export const BUDGET_BYTES = 25_000;

export interface PageWeight {
  readonly path: string;
  readonly html: number;
  readonly css: number;
  readonly js: number;
  readonly other: number;
  readonly total: number;
  /** Text of inline event attributes (they run only on interaction: focus, submit). */
  readonly handlers: number;
  readonly scriptElements: number;
}

const gzipped = new Map<string, number>();
async function gzipSize(file: string): Promise<number> {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(await readFile(file)).length;
    gzipped.set(file, size);
  }
  return size;
}

export async function weighArticles(dist: string): Promise<PageWeight[]> {
  const pages = (await htmlPages(dist)).filter((page) => isArticle(page.path));
  return Promise.all(
    pages.map(async (page) => {
      const html = await readFile(page.file, "utf8");
      const local = (url: string) => join(dist, new URL(url, `http://x${page.path}`).pathname);
      const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].flatMap((m) =>
        attributeValues(m[0], "href"),
      );
      const scripts = [...html.matchAll(/<script[^>]*>/g)].flatMap((m) => attributeValues(m[0], "src"));
      const images = [...html.matchAll(/<(img|link[^>]*rel="icon")[^>]*>/g)].flatMap((m) =>
        attributeValues(m[0], m[0].startsWith("<img") ? "src" : "href"),
      );
      const sum = async (urls: string[]) =>
        (await Promise.all(urls.map((u) => gzipSize(local(u))))).reduce((a, b) => a + b, 0);
      const weight = {
        html: gzipSync(html).length,
        css: await sum(stylesheets),
        js:
          (await sum(scripts)) +
          [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce(
            (a, m) => a + (m[1]?.length ?? 0),
            0,
          ),
        other: await sum(images),
      };
      const handlers = [...html.matchAll(/\son[a-z]+="([^"]*)"/g)].reduce(
        (a, m) => a + (m[1]?.length ?? 0),
        0,
      );
      return {
        path: page.path,
        ...weight,
        total: weight.html + weight.css + weight.js + weight.other,
        handlers,
        scriptElements: (html.match(/<script\b/g) ?? []).length,
      };
    }),
  );
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function report(weights: readonly PageWeight[]): { lines: string[]; failures: string[] } {
  const sorted = [...weights].sort((a, b) => b.total - a.total);
  const median = sorted[Math.floor(sorted.length / 2)];
  const failures = weights.flatMap((w) => [
    ...(w.total > BUDGET_BYTES ? [`${w.path}: ${kB(w.total)} > ${kB(BUDGET_BYTES)}`] : []),
    ...(w.scriptElements > 0 || w.js > 0
      ? [`${w.path}: ${w.scriptElements} <script> element(s), ${w.js} B of JS`]
      : []),
  ]);
  const lines = [
    `Article page weight (gzip, first visit): ${weights.length} articles, budget ${kB(BUDGET_BYTES)} each`,
    `  heaviest ${kB(sorted[0]?.total ?? 0)}, median ${kB(median?.total ?? 0)}; JavaScript before interaction: ${Math.max(0, ...weights.map((w) => w.js))} B`,
    "  path — total = html + css + other (favicon) | js | event-attribute text loaded on interaction",
    ...sorted.map(
      (w) =>
        `  ${w.path} — ${kB(w.total)} = ${kB(w.html)} + ${kB(w.css)} + ${kB(w.other)} | js ${w.js} B | handlers ${w.handlers} B`,
    ),
  ];
  return { lines, failures };
}

if (import.meta.main) {
  const dist = process.argv[2] ? resolve(process.argv[2]) : distDir();
  const weights = await weighArticles(dist);
  const { lines, failures } = report(weights);
  console.log(lines.slice(0, 2).join("\n"));
  await mkdir("test-results", { recursive: true });
  await writeFile("test-results/weight-report.txt", `${lines.join("\n")}\n`);
  if (weights.length === 0) failures.push("no article page found");
  for (const failure of failures) console.error(`weight budget exceeded: ${failure}`);
  process.exit(failures.length > 0 ? 1 : 0);
}
