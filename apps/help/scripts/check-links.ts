// Broken-link checker over the built site: every internal href/src/action resolves to a file,
// and every #fragment to an id. External links (portal, mailto) are listed, not fetched.
// Usage: node scripts/check-links.ts [distDir]
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { attributeValues, htmlPages, ids } from "./site-files.ts";

export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly reason: string;
}

const SITE_ORIGIN = "http://links.invalid";

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

/** The file a site path is served from, or null. */
async function fileFor(dist: string, path: string): Promise<string | null> {
  const direct = join(dist, decodeURIComponent(path));
  if (path.endsWith("/"))
    return (await exists(join(direct, "index.html"))) ? join(direct, "index.html") : null;
  return (await exists(direct)) ? direct : null;
}

export async function checkLinks(
  distDir: string,
  siteUrl?: string,
): Promise<{ checked: number; broken: BrokenLink[] }> {
  const dist = resolve(distDir);
  const pages = await htmlPages(dist);
  const htmlOf = new Map<string, Promise<string>>();
  const read = (file: string) => {
    let html = htmlOf.get(file);
    if (!html) {
      html = readFile(file, "utf8");
      htmlOf.set(file, html);
    }
    return html;
  };
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const page of pages) {
    const html = await read(page.file);
    const links = ["href", "src", "action"].flatMap((attribute) => attributeValues(html, attribute));
    for (const link of new Set(links)) {
      if (/^(mailto|tel|data):/.test(link)) continue;
      const url = new URL(link, SITE_ORIGIN + page.path);
      const own =
        url.origin === SITE_ORIGIN || (siteUrl !== undefined && url.origin === new URL(siteUrl).origin);
      if (!own) continue;
      checked++;
      const target = await fileFor(dist, url.pathname);
      if (!target) {
        const hint = (await fileFor(dist, `${url.pathname}/`)) ? " (missing trailing slash)" : "";
        broken.push({ page: page.path, link, reason: `no file for ${url.pathname}${hint}` });
        continue;
      }
      if (url.hash && target.endsWith(".html")) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!ids(await read(target)).has(id))
          broken.push({ page: page.path, link, reason: `no element #${id}` });
      }
    }
  }
  return { checked, broken };
}

if (import.meta.main) {
  const { checked, broken } = await checkLinks(process.argv[2] ?? "dist", process.env.HELP_URL);
  for (const b of broken) console.error(`${b.page}: ${b.link} — ${b.reason}`);
  console.log(`links: ${checked} internal links checked, ${broken.length} broken`);
  process.exit(broken.length > 0 ? 1 : 0);
}
