// Runs the Astro CLI (`node scripts/astro.ts build|dev|sync …`) with telemetry off (builds and
// tests must not talk to the network), and keeps a large build's peak memory down: the bundler's
// allocator (mimalloc, in Rolldown) hands freed memory back at once, and V8's heap is capped at
// 448 MB (2,000 articles need about 300 MB; set NODE_OPTIONS yourself to change it).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const astroPackage = createRequire(import.meta.url).resolve("astro/package.json");
const cli = join(dirname(astroPackage), "bin", "astro.mjs");
const nodeOptions = process.env.NODE_OPTIONS ?? "";
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: join(import.meta.dirname, ".."),
  env: {
    MIMALLOC_PURGE_DELAY: "0",
    ...process.env,
    NODE_OPTIONS: /max-old-space-size/.test(nodeOptions)
      ? nodeOptions
      : `${nodeOptions} --max-old-space-size=448`.trim(),
    ASTRO_TELEMETRY_DISABLED: "1",
  },
});
process.exit(result.status ?? 1);
