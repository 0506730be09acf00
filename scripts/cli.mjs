#!/usr/bin/env node
// The entry behind `npm start` and `npm test`: runs on the machine's own Node (18+), installs the
// workspace with the pinned pnpm, then hands over to the pinned Node 24 in node_modules/.bin.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "node_modules", ".bin");
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` };
const [command = "test", ...rest] = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function install() {
  const pnpmVersion = "10.34.8";
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  const status = run("npx", ["-y", `pnpm@${pnpmVersion}`, "install", ...frozen, "--reporter=append-only"], {
    env: { ...env, npm_config_update_notifier: "false" },
  });
  if (status !== 0) process.exit(status);
  if (!existsSync(join(bin, "node"))) {
    console.error("The pinned Node 24 binary is missing from node_modules/.bin (see pnpm-workspace.yaml).");
    process.exit(1);
  }
}

install();
// From here on every child runs on the pinned Node 24 (first on PATH).
const script = {
  test: "scripts/test.mjs",
  start: "scripts/start.mjs",
  "start-prod": "scripts/start-prod.mjs",
  turbo: "scripts/turbo.mjs",
}[command];
if (!script) {
  console.error(`unknown command: ${command}`);
  process.exit(2);
}
process.exit(run(join(bin, "node"), [join(root, script), ...rest]));
