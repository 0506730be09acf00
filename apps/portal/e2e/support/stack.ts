/**
 * The real stack for end-to-end tests, on loopback with free ports: the API on a fresh embedded
 * database (it migrates and seeds itself), the built help center (a small static server with CORS
 * on the Pagefind index for the portal, see help-server.ts), and the built portal.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../../../api/src/test-support/ports.ts";
import { startHelpServer } from "./help-server.ts";

export { freePort };

export const portalDir = resolve(import.meta.dirname, "..", "..");
export const repoRoot = resolve(portalDir, "..", "..");
const helpDir = join(repoRoot, "apps", "help");
const apiDir = join(repoRoot, "apps", "api");

/** Starts a process and resolves once a line of its output matches `ready`. */
function start(
  name: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => fail(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.TEST_LOG) process.stderr.write(`[${name}] ${chunk}`);
      if (ready.test(output)) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

function ensureBuilt(dir: string, marker: string, filter: string): void {
  if (existsSync(join(dir, marker))) return;
  const result = spawnSync("pnpm", ["--filter", filter, "build"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`building ${filter} failed`);
}

export interface Stack {
  readonly apiUrl: string;
  readonly helpUrl: string;
  readonly portalUrl: string;
  readonly databaseFile: string;
  stop(): Promise<void>;
}

/** Starts API, help center and portal; `stop()` ends them and removes the database. */
export async function startStack(): Promise<Stack> {
  ensureBuilt(helpDir, "dist/pagefind/pagefind.js", "@cirrus/help");
  ensureBuilt(portalDir, "dist/server/entry.mjs", "@cirrus/portal");
  const [apiPort, helpPort, portalPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const helpUrl = `http://127.0.0.1:${helpPort}`;
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), "cirrus-portal-e2e-"));
  const databaseFile = join(dataDir, "cirrus.sqlite");
  const children: ChildProcess[] = [];
  let help: Server | undefined;
  try {
    children.push(
      await start(
        "api",
        ["src/server.ts"],
        apiDir,
        {
          DATABASE_URL: databaseFile,
          API_PORT: String(apiPort),
          API_HOST: "127.0.0.1",
          PORTAL_URL: portalUrl,
          HELP_URL: helpUrl,
          LOG_LEVEL: "warn",
        },
        /API: http:\/\/localhost:\d+/,
      ),
    );
    help = await startHelpServer(join(helpDir, "dist"), helpPort, portalUrl);
    children.push(
      await start(
        "portal",
        ["dist/server/entry.mjs"],
        portalDir,
        { API_URL: apiUrl, HELP_URL: helpUrl, PORT: String(portalPort), HOST: "127.0.0.1", NODE_ENV: "test" },
        /listening on/i,
      ),
    );
  } catch (error) {
    for (const child of children) child.kill("SIGTERM");
    help?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    apiUrl,
    helpUrl,
    portalUrl,
    databaseFile,
    async stop() {
      help?.close();
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
              setTimeout(() => {
                child.kill("SIGKILL");
                done();
              }, 5_000).unref();
            }),
        ),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
