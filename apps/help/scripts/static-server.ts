/**
 * A small static file server for the built help center (node:http only): directory indexes,
 * gzip, cache headers, the 404 page, security headers with the build's CSP hashes, and CORS on
 * the search indexes (Pagefind's, the suggestions) so the portal can load them from another origin.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createGzip } from "node:zlib";

export interface StaticServerOptions {
  /** The built site (dist). */
  root: string;
  /** Origins allowed to load the search bundles cross-origin (the portal). */
  corsOrigins: readonly string[];
  /** Origins the pages may POST to (the API, for feedback). */
  connectOrigins: readonly string[];
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
};
const compressible = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

/** Whether a path belongs to a search index — a Pagefind bundle or the suggestion index — (served with CORS for the portal). */
export function isSearchBundle(path: string): boolean {
  return /^\/(en\/)?(pagefind\/|search\/suggestions\.json$)/.test(path);
}

function contentType(path: string): string {
  // Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pagefind) are binary.
  return types[extname(path)] ?? "application/octet-stream";
}

function cacheControl(path: string): string {
  // Hashed names never change; everything else is revalidated.
  if (path.startsWith("/_astro/") || path.startsWith("/_help/")) return "public, max-age=31536000, immutable";
  if (/\.(pf_meta|pf_index|pf_fragment|pf_filter)$/.test(path)) return "public, max-age=31536000, immutable";
  return "no-cache";
}

async function resolveFile(
  root: string,
  pathname: string,
): Promise<{ file: string; redirect?: string } | null> {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.(\/|\\|$))+/, "");
  const file = join(root, clean);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { file };
  if (info?.isDirectory()) {
    if (!pathname.endsWith("/")) return { file: "", redirect: `${pathname}/` };
    const index = join(file, "index.html");
    if ((await stat(index).catch(() => null))?.isFile()) return { file: index };
  }
  return null;
}

export async function contentSecurityPolicy(
  root: string,
  connectOrigins: readonly string[],
): Promise<string> {
  const csp = await readFile(join(root, "_help", "csp.json"), "utf8")
    .then((text) => JSON.parse(text) as { scriptHashes: string[] })
    .catch(() => ({ scriptHashes: [] as string[] }));
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' 'unsafe-hashes' ${csp.scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectOrigins.join(" ")}`.trim(),
    "worker-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
  ].join("; ");
}

export async function createStaticServer(options: StaticServerOptions): Promise<Server> {
  const root = resolve(options.root);
  const csp = await contentSecurityPolicy(root, options.connectOrigins);
  const notFound = join(root, "404.html");

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const origin = req.headers.origin;
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
    if (isSearchBundle(url.pathname)) {
      res.setHeader("vary", "Origin, Accept-Encoding");
      if (origin && options.corsOrigins.includes(origin)) {
        res.setHeader("access-control-allow-origin", origin);
        res.setHeader("cross-origin-resource-policy", "cross-origin");
      }
    }
    if (req.method === "OPTIONS" && isSearchBundle(url.pathname)) {
      res.setHeader("access-control-allow-methods", "GET, HEAD");
      res.writeHead(204).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const found = await resolveFile(root, url.pathname);
    if (found?.redirect) {
      res.writeHead(301, { location: found.redirect + url.search }).end();
      return;
    }
    const file = found?.file ?? notFound;
    const status = found ? 200 : 404;
    const type = contentType(file);
    const info = await stat(file);
    const etag = `W/"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`;
    res.setHeader("content-type", type);
    res.setHeader("cache-control", status === 200 ? cacheControl(url.pathname) : "no-store");
    res.setHeader("etag", etag);
    if (type.startsWith("text/html")) res.setHeader("content-security-policy", csp);
    if (status === 200 && req.headers["if-none-match"] === etag) {
      res.writeHead(304).end();
      return;
    }
    const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (gzip) {
      res.setHeader("content-encoding", "gzip");
      res.setHeader("vary", isSearchBundle(url.pathname) ? "Origin, Accept-Encoding" : "Accept-Encoding");
    } else {
      res.setHeader("content-length", info.size);
    }
    res.writeHead(status);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
