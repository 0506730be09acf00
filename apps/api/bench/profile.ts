/**
 * Reads the newest V8 CPU profile (`node --cpu-prof`) in a folder and says where the time went:
 * self time per function, and per package (ours under src/, dependencies by name, Node internals).
 * The API runs as a bundle: positions in it are mapped back to their sources through its source map.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { SourceMap } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script belongs: `src/…` (ours), a package name, or `node:` / `(native)`. */
function owner(url: string): string {
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return "node internals";
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1]) return pkg[1];
  const ours = url.match(/\/(apps\/[^/]+\/src|packages\/[^/]+\/src)\//);
  return ours?.[1] ?? url;
}

/** Source maps of the bundle's files, read once per file (null: the file has none). */
const sourceMaps = new Map<string, SourceMap | null>();

async function sourceMapOf(url: string): Promise<SourceMap | null> {
  if (sourceMaps.has(url)) return sourceMaps.get(url) ?? null;
  let map: SourceMap | null = null;
  const file = url.startsWith("file:") ? fileURLToPath(url) : "";
  if (file && existsSync(`${file}.map`))
    map = new SourceMap(JSON.parse(await readFile(`${file}.map`, "utf8")));
  sourceMaps.set(url, map);
  return map;
}

/** Rewrites each frame of a bundled file to its original file and line (and function name). */
async function mapToSources(profile: Profile): Promise<void> {
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const map = frame.url ? await sourceMapOf(frame.url) : null;
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry || !("originalSource" in entry)) continue;
    const source = entry.originalSource.startsWith("file:")
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(fileURLToPath(frame.url)), entry.originalSource);
    node.callFrame = {
      ...frame,
      url: `file://${source}`,
      lineNumber: entry.originalLine,
      columnNumber: entry.originalColumn,
    };
  }
}

export async function summarizeProfiles(dir: string, top: number): Promise<string> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".cpuprofile")).sort();
  const newest = files.at(-1);
  if (!newest) return `(no profile in ${dir})`;
  const profile = JSON.parse(await readFile(join(dir, newest), "utf8")) as Profile;
  await mapToSources(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)");
  const idleUs = idle.reduce((a, [, us]) => a + us, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    const file = frame.url.split("/").slice(-2).join("/");
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const who = owner(frame.url);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
  }
  // Inclusive time of our own functions (src/): a node's samples count for each distinct function
  // on its stack once, so recursion is not counted twice.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !/\/(apps|packages)\/[^/]+\/src\//.test(frame.url)) continue;
      const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const busy = total - idleUs;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `${newest}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)`,
    "by owner:",
    ...sorted(byOwner, 12).map(([k, us]) => `  ${pct(us)}  ${k}`),
    "by function (self):",
    ...sorted(byFunction, top).map(([k, us]) => `  ${pct(us)}  ${k}`),
    "our functions, inclusive (self + callees):",
    ...sorted(inclusive, top).map(([k, us]) => `  ${pct(us)}  ${k}`),
  ].join("\n");
}

if (import.meta.main) console.log(await summarizeProfiles(process.argv[2] ?? ".", 30));
