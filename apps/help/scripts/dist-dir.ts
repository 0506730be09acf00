/** The built site the checks read: `HELP_DIST` or `dist/`; fails clearly when it was not built. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export function distDir(): string {
  const dir = resolve(import.meta.dirname, "..", process.env.HELP_DIST ?? "dist");
  if (!existsSync(resolve(dir, "index.html"))) {
    throw new Error(`${dir} has no built site: run \`pnpm --filter @cirrus/help build\` first`);
  }
  return dir;
}
