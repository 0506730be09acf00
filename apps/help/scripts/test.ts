// The help center's test task: unit tests (Vitest), the page-weight budget, end-to-end tests
// (Playwright, real Chromium) — all run even when one fails; the exit code says if any did.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const app = join(import.meta.dirname, "..");
const bin = (name: string) => join(app, "node_modules", ".bin", name);
const steps: [string, string, string[]][] = [
  ["unit tests", bin("vitest"), ["run"]],
  ["page weight", process.execPath, [join(app, "scripts", "check-weight.ts")]],
  ["end-to-end tests", bin("playwright"), ["test"]],
];

const failed: string[] = [];
for (const [name, command, args] of steps) {
  const result = spawnSync(command, args, { cwd: app, stdio: "inherit" });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) console.error(`\nhelp center: failed — ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
