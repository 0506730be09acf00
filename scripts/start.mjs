// `npm start` after install: build what needs building, then serve every app on loopback and print
// the URLs and demo logins. The API migrates and seeds the embedded database itself on start.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const env = { ...process.env };

const build = spawnSync("turbo", ["run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

/** The services `npm start` runs, each a long-lived child with its output prefixed. */
const services = [{ name: "api", cwd: join(root, "apps/api"), args: ["src/server.ts"] }];

const children = services.map(({ name, cwd, args }) => {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
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
  child.stderr.on("data", (chunk) => console.error(prefix(chunk)));
  child.on("exit", (code) => {
    console.error(`[${name}] exited with ${code}`);
    stop(code ?? 1);
  });
  return child;
});

console.log(`
Cirrus Shield Support is starting:
  API          http://localhost:${env.API_PORT ?? 8787}   (reference: /docs, OpenAPI: /openapi.json, health: /health)
Demo logins are printed by the API the first time it creates the embedded database (data/).
Every demo account's password: cirrus-demo-2026. Press Ctrl+C to stop.
`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
