// `npm test` after install: lint, typecheck and test every package through turbo (cached when
// nothing changed), then print the plain total line summed over all suites' JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const workspaces = ["apps", "packages"].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);

// Stale reports must not count: turbo restores them from its cache for every task it skips.
for (const dir of workspaces) rmSync(join(dir, "test-results"), { recursive: true, force: true });

// One task at a time: the suites start real servers, databases and Chromium, and on a 2-core machine
// running them side by side only trades speed for timeouts.
const turbo = spawnSync(
  "turbo",
  ["run", "lint", "typecheck", "test", "--continue", "--concurrency=1", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);

let passed = 0;
let failed = 0;
const suites = [];
for (const dir of workspaces) {
  const reports = join(dir, "test-results");
  if (!existsSync(reports)) continue;
  for (const file of readdirSync(reports).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(join(reports, file), "utf8"));
    // Vitest's JSON reporter (Jest-compatible) or Playwright's JSON reporter.
    const p = report.numPassedTests ?? report.stats?.expected ?? 0;
    const f = (report.numFailedTests ?? report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
    passed += p;
    failed += f;
    suites.push(`${dir.slice(root.length)}/${file}: ${p} passed, ${f} failed`);
  }
}
console.log(`\nTest reports:\n${suites.map((s) => `  ${s}`).join("\n") || "  (none)"}`);
if (turbo.status !== 0 && failed === 0) failed = 1; // lint/typecheck/build failures count too
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
