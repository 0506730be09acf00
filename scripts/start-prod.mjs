// `npm run start:prod`: the production start. Unlike `npm start` it never seeds demo data, runs with
// NODE_ENV=production (API: HSTS, no development mailbox; portal: `__Host-` session cookie with
// Secure), applies the migrations once before any instance serves, and passes SIGTERM on so every
// process shuts down gracefully. Settings come from the environment (see .env.example), including
// TRUSTED_PROXIES for the API and PORTAL_ALLOWED_DOMAINS for the portal's build.
//
// PROD_SERVICES picks what this machine runs (comma-separated, default "api,portal,help"): e.g. a
// second API instance against the same PostgreSQL runs PROD_SERVICES=api. Only what is served is built.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { startArgs } from "./start-command.mjs";

const root = new URL("..", import.meta.url).pathname;
const env = { ...process.env, NODE_ENV: "production", SEED_DEMO: "never" };
const wanted = new Set((process.env.PROD_SERVICES ?? "api,portal,help").split(",").map((s) => s.trim()));

function fail(message) {
  console.error(`start:prod: ${message}`);
  process.exit(1);
}

// Secure cookies only travel over HTTPS: a production portal on plain http would sign nobody in.
// Loopback is the exception browsers make (to try the production build locally).
for (const name of ["PORTAL_URL", "HELP_URL"]) {
  const value = env[name];
  if (!value) fail(`${name} is not set (the public URL; see .env.example)`);
  const url = new URL(value);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback)
    fail(`${name} must be an https:// URL in production, not ${value}`);
}
if (wanted.has("api") && !env.DATABASE_URL) {
  console.warn(
    "start:prod: DATABASE_URL is not set: using the embedded SQLite file data/cirrus.sqlite (one instance only).",
  );
}

function run(cmd, args, cwd = root) {
  const result = spawnSync(cmd, args, { cwd, env, stdio: "inherit" });
  if (result.status !== 0) fail(`${[cmd, ...args].join(" ")} failed (${result.status ?? result.signal})`);
}

const builds = ["portal", "help"]
  .filter((name) => wanted.has(name))
  .map((name) => `--filter=@cirrus/${name}`);
if (builds.length > 0) run("turbo", ["run", "build", ...builds, "--output-logs=errors-only"]);
if (wanted.has("api")) {
  // The API runs from its bundle (apps/api/scripts/bundle.ts: less memory than loading the sources).
  run(process.execPath, ["scripts/bundle.ts"], join(root, "apps/api"));
  run(process.execPath, ["src/db/cli.ts", "migrate"], join(root, "apps/api"));
}

const services = [
  // The bundle built above, as the API's `start` script runs it.
  { name: "api", cwd: "apps/api", args: startArgs(join(root, "apps/api")), env: {} },
  {
    name: "portal",
    cwd: "apps/portal",
    args: startArgs(join(root, "apps/portal")),
    env: { PORT: env.PORT ?? "4322", HOST: env.HOST ?? "127.0.0.1" },
  },
  { name: "help", cwd: "apps/help", args: ["scripts/serve.ts"], env: {} },
].filter((s) => wanted.has(s.name));
if (services.length === 0) fail(`PROD_SERVICES names nothing to run: ${process.env.PROD_SERVICES}`);

let stopping = false;
let exitCode = 0;
const children = services.map(({ name, cwd, args, env: own }) => {
  // Output passes through unchanged: the API's stdout is its structured JSON log, for the collector.
  const child = spawn(process.execPath, args, {
    cwd: join(root, cwd),
    env: { ...env, ...own },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    if (code !== 0) exitCode = code ?? 1;
    if (!stopping) {
      console.error(`start:prod: ${name} exited (${signal ?? code}); stopping the others`);
      stop("SIGTERM");
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
  return child;
});

/** Passes the signal on and waits: each process finishes its in-flight work (graceful shutdown). */
function stop(signal) {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGTERM"));
