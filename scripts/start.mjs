// `npm start` after install: build what needs building, then serve every app on loopback and print
// the URLs and demo logins. The API migrates and seeds the embedded database itself on start.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { startArgs } from "./start-command.mjs";

const root = new URL("..", import.meta.url).pathname;
const ports = {
  api: process.env.API_PORT ?? "8787",
  help: process.env.HELP_PORT ?? "4321",
  portal: process.env.PORTAL_PORT ?? "4322",
  smtp: process.env.INBOUND_SMTP_PORT ?? "2525",
};
const urls = {
  api: `http://localhost:${ports.api}`,
  help: `http://localhost:${ports.help}`,
  portal: `http://localhost:${ports.portal}`,
};
const shared = {
  ...process.env,
  API_URL: `http://127.0.0.1:${ports.api}`,
  PUBLIC_API_URL: urls.api,
  PORTAL_URL: urls.portal,
  PUBLIC_PORTAL_URL: urls.portal,
  HELP_URL: urls.help,
};

const build = spawnSync("turbo", ["run", "build", "--output-logs=errors-only"], {
  cwd: root,
  stdio: "inherit",
  env: shared,
});
if (build.status !== 0) process.exit(build.status ?? 1);

/** The long-lived processes: each gets its own port variables and a prefix on its output. */
const services = [
  // The API's flags are those of its own `start` script (apps/api/package.json): see its README.
  {
    name: "api",
    cwd: "apps/api",
    args: startArgs(join(root, "apps/api")),
    env: { API_PORT: ports.api, INBOUND_SMTP_PORT: ports.smtp },
  },
  { name: "help", cwd: "apps/help", args: ["scripts/serve.ts"], env: { HELP_PORT: ports.help } },
  // The Node adapter reads the plain PORT/HOST variables: set them for the portal only.
  {
    name: "portal",
    cwd: "apps/portal",
    args: startArgs(join(root, "apps/portal")),
    env: { PORT: ports.portal, HOST: "127.0.0.1" },
  },
];

const children = services.map(({ name, cwd, args, env }) => {
  const child = spawn(process.execPath, args, {
    cwd: join(root, cwd),
    env: { ...shared, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split("\n")
      .filter((line) => line && !line.startsWith('{"time"')) // structured request logs stay out of the console
      .map((line) => `[${name}] ${line}`)
      .join("\n");
  child.stdout.on("data", (chunk) => {
    const text = prefix(chunk);
    if (text) console.log(text);
  });
  child.stderr.on("data", (chunk) => {
    const text = prefix(chunk);
    if (text) console.error(text);
  });
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`[${name}] exited (${signal ?? code}); stopping everything`);
    stop(code ?? 1);
  });
  return child;
});

console.log(`
Cirrus Shield Support is starting:
  Help center  ${urls.help}
  Portal       ${urls.portal}
  API          ${urls.api}   (reference ${urls.api}/docs, OpenAPI ${urls.api}/openapi.json, health ${urls.api}/health)
  Support mail smtp://127.0.0.1:${ports.smtp}   (send to support@cirrus-shield.com from a demo customer's address)
Demo logins are printed by the API below; every demo account's password is cirrus-demo-2026.
Press Ctrl+C to stop.
`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1000);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
