/**
 * Astro integration that bundles the few browser scripts (search, feedback) with esbuild into
 * `/_help/<name>.<hash>.js`, outside Astro's page bundles: article pages load them only on
 * interaction, through `import()` from an event attribute, so their URLs must be known up front.
 * Pages read the URLs from the virtual module `virtual:cirrus-client-scripts`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build, stop } from "esbuild";
import { cspHash, feedbackSubmitHandler, searchFocusHandler } from "../lib/inline-handlers.ts";

const entries = ["search", "search-page", "feedback"] as const;
export type ClientScript = (typeof entries)[number];

const VIRTUAL = "virtual:cirrus-client-scripts";
const PUBLIC_DIR = "_help";

interface Bundle {
  name: ClientScript;
  file: string;
  code: Uint8Array;
}

async function bundle(srcDir: URL): Promise<Bundle[]> {
  const result = await build({
    entryPoints: Object.fromEntries(
      entries.map((name) => [name, fileURLToPath(new URL(`client/${name}.ts`, srcDir))]),
    ),
    bundle: true,
    // No shared chunks: each script is one request. Shared code (messages, hit rendering) is ~2 kB;
    // a chunk cost the search box a second round trip before it could fetch its indexes.
    splitting: false,
    format: "esm",
    minify: true,
    target: "es2022",
    write: false,
    outdir: "/out",
    entryNames: "[name].[hash]",
    legalComments: "none",
  });
  // esbuild keeps a service process alive; a large build has better use for that memory.
  await stop();
  return result.outputFiles.map((output) => {
    const file = output.path.slice("/out/".length);
    const name = entries.find((entry) => file.startsWith(`${entry}.`)) ?? (file as ClientScript);
    return { name, file, code: output.contents };
  });
}

export function clientScripts(): AstroIntegration {
  let bundles: Bundle[] = [];
  let urls: Record<string, string> = {};
  let srcDir: URL;
  return {
    name: "cirrus-client-scripts",
    hooks: {
      "astro:config:setup": async ({ config, updateConfig }) => {
        srcDir = config.srcDir;
        bundles = await bundle(srcDir);
        urls = Object.fromEntries(
          entries.map((name) => [name, `/${PUBLIC_DIR}/${bundles.find((b) => b.name === name)?.file}`]),
        );
        updateConfig({
          vite: {
            plugins: [
              {
                name: "cirrus-client-scripts",
                resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(urls)};` : undefined,
              },
            ],
          },
        });
      },
      "astro:server:setup": ({ server }) => {
        // Dev: rebuild on every request so edits show up; the hash in the URL is ignored.
        server.middlewares.use(async (req, res, next) => {
          const match = req.url?.match(new RegExp(`^/${PUBLIC_DIR}/([a-z-]+)\\.[^/]+\\.js`));
          if (!match) return next();
          const fresh = await bundle(srcDir);
          const wanted = req.url?.slice(PUBLIC_DIR.length + 2).split("?")[0];
          const found = fresh.find((b) => b.file === wanted) ?? fresh.find((b) => b.name === match[1]);
          if (!found) return next();
          res.setHeader("content-type", "text/javascript; charset=utf-8");
          res.end(found.code);
        });
      },
      "astro:build:done": async ({ dir }) => {
        const out = new URL(`${PUBLIC_DIR}/`, dir);
        await mkdir(out, { recursive: true });
        await Promise.all(bundles.map((b) => writeFile(new URL(b.file, out), b.code)));
        // The servers (scripts/serve.ts, production) allow exactly these inline handlers.
        const handlers = [searchFocusHandler(urls.search ?? ""), feedbackSubmitHandler(urls.feedback ?? "")];
        await writeFile(new URL("csp.json", out), JSON.stringify({ scriptHashes: handlers.map(cspHash) }));
      },
    },
  };
}
