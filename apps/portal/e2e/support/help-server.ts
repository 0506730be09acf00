/**
 * A small static server for the built help center (apps/help/dist) on loopback, for the tests:
 * files and directory indexes, and CORS on the Pagefind bundles for the portal's origin (as the
 * help center's own server does), so the portal page can load the search index cross-origin.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

export async function startHelpServer(root: string, port: number, portalOrigin: string): Promise<Server> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (/^\/(en\/)?pagefind\//.test(url.pathname) && req.headers.origin === portalOrigin) {
      res.setHeader("access-control-allow-origin", portalOrigin);
      res.setHeader("cross-origin-resource-policy", "cross-origin");
      res.setHeader("vary", "Origin");
    }
    let file = join(base, normalize(decodeURIComponent(url.pathname)));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  return server;
}
