/** Reading a built site: its HTML pages, the URL each one answers, and the references inside. */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export interface Page {
  /** Absolute file path. */
  readonly file: string;
  /** Public path, e.g. `/en/articles/response-times/` or `/404.html`. */
  readonly path: string;
}

/** Every HTML page of a built site. */
export async function htmlPages(dist: string): Promise<Page[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const rel = relative(dist, file).split(sep).join("/");
      return { file, path: `/${rel.replace(/(^|\/)index\.html$/, "$1")}` };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a page is an article (French `/articles/…/` or English `/en/articles/…/`). */
export function isArticle(path: string): boolean {
  return /^\/(en\/)?articles\/[^/]+\/$/.test(path);
}

/** The values of an attribute on the tags of a page, e.g. every `href`. */
export function attributeValues(html: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((m) => decodeEntities(m[1] ?? ""));
}

/** The elements' ids of a page (targets of `#fragment` links). */
export function ids(html: string): Set<string> {
  return new Set(attributeValues(html, "id"));
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
