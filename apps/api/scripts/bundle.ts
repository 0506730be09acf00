/**
 * Bundles the API server (`src/server.ts` and its dependencies) into `dist/` with esbuild, for the
 * start commands. Why: loading ~500 ES modules (Kysely alone is hundreds of files) and stripping
 * the TypeScript of ours at run time cost the process ~27 MB of resident memory and a slower start;
 * one bundle idles at ~120 MB instead of ~147 MB on the benchmark database (docs/benchmarks.md).
 * Libraries only some deployments use (the SMTP listener, the mail parser, the SMTP client, `pg`)
 * are imported lazily by the code, so they become chunks of their own loaded on first use.
 * Tests keep running the sources (Vitest, and `node src/server.ts` for the process tests).
 *   node scripts/bundle.ts [outdir]   (default: dist)
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const apiDir = join(import.meta.dirname, "..");

/** Writes `<outdir>/server.mjs` (and its lazily loaded chunks); returns the entry's path. */
export async function bundleServer(outdir = join(apiDir, "dist")): Promise<string> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { server: join(apiDir, "src/server.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    // `pg` requires this optional native binding only when asked to (never here).
    external: ["pg-native"],
    // CommonJS dependencies bundled into an ES module still call `require` for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    sourcemap: "linked",
    logLevel: "warning",
  });
  return join(outdir, "server.mjs");
}

if (import.meta.main) {
  const started = performance.now();
  const entry = await bundleServer(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`api: bundled ${entry} in ${Math.round(performance.now() - started)} ms`);
}
