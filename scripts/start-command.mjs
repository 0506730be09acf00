// The Node arguments of an app's own `start` script (`node [flags] <entry>` in its package.json),
// so that `npm start` and `npm run start:prod` run each process exactly as its package says, with
// one place to change a flag (e.g. the API's V8 young-generation size).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** @example startArgs("/repo/apps/api") // ["--max-semi-space-size=4", "dist/server.mjs"] */
export function startArgs(appDir) {
  const start = JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")).scripts?.start ?? "";
  const [command, ...args] = start.split(/\s+/).filter(Boolean);
  if (command !== "node" || args.length === 0) throw new Error(`${appDir}: start is not "node … <entry>"`);
  return args;
}
