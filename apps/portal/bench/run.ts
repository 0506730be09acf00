/**
 * Portal benchmark (not a test): the server-rendered requests list and request page, under load,
 * over the real API on the API benchmark's data (1,000 organizations, 100,000 requests in a fresh
 * SQLite file). Builds the portal, starts the API and the portal as child processes on loopback,
 * signs customers in (their session cookie) and runs autocannon against each page.
 *
 *   pnpm --filter @cirrus/portal bench [-- --seconds 10 --connections 10 --no-build]
 *
 * The helpers (child processes, autocannon, data) are the API benchmark's, in apps/api/bench/.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Child, freePort, startChild, startFlags, startScript } from "../../api/bench/child.ts";
import { type LoadResult, runLoad } from "../../api/bench/load.ts";
import type { BenchSessions } from "../../api/bench/prepare.ts";
import { bundleServer } from "../../api/scripts/bundle.ts";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    requests: { type: "string", default: "100000" },
    organizations: { type: "string", default: "1000" },
    "no-build": { type: "boolean", default: false },
  },
});
const portalDir = join(import.meta.dirname, "..");
const apiDir = join(portalDir, "..", "api");
const load = { connections: Number(values.connections), seconds: Number(values.seconds) };
const warm = { connections: load.connections, seconds: Number(values.warmup) };
const load1 = () => loadavg()[0]?.toFixed(2) ?? "?";

/** Runs `node args` in `cwd` to completion; resolves with its stdout. */
function runNode(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done(out) : fail(new Error(`node ${args.join(" ")} exited with ${code}`)),
    );
  });
}

console.error(
  `Portal benchmark: ${cpus().length} CPU, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load1()} at start`,
);
if (!values["no-build"]) {
  console.error("portal: building…");
  const astro = join(portalDir, "node_modules", "astro", "bin", "astro.mjs");
  await runNode(portalDir, [astro, "build"], { ASTRO_TELEMETRY_DISABLED: "1" });
}

const dir = await mkdtemp(join(tmpdir(), "cirrus-portal-bench-"));
const database = join(dir, "bench.sqlite");
let api: Child | undefined;
let portal: Child | undefined;
try {
  console.error("api: loading data…");
  const sessions = JSON.parse(
    await runNode(apiDir, [
      "bench/prepare.ts",
      "--database",
      database,
      "--requests",
      values.requests,
      "--organizations",
      values.organizations,
    ]),
  ) as BenchSessions;
  console.error(`api: ${sessions.counts.requests} requests loaded in ${sessions.seconds.toFixed(1)} s`);

  const apiPort = await freePort();
  await bundleServer();
  api = await startChild({
    script: startScript(apiDir),
    cwd: apiDir,
    nodeArgs: startFlags(apiDir),
    port: apiPort,
    readyPath: "/health",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: database,
      API_HOST: "127.0.0.1",
      API_PORT: String(apiPort),
      INBOUND_SMTP_PORT: "0",
      SEED_DEMO: "never",
    },
  });
  const portalPort = await freePort();
  portal = await startChild({
    script: "dist/server/entry.mjs",
    cwd: portalDir,
    nodeArgs: startFlags(portalDir),
    port: portalPort,
    readyPath: "/login",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(portalPort),
      API_URL: api.url,
    },
  });

  // The production cookie (`__Host-`, Secure): the server reads it over plain loopback HTTP too.
  let i = 0;
  const next = () =>
    sessions.customers[i++ % sessions.customers.length] as BenchSessions["customers"][number];
  const cookie = (token: string) => ({ cookie: `__Host-cs_session=${token}` });
  const cases = [
    { name: "requests list      GET /requests", path: () => ({ session: next(), path: "/requests" }) },
    {
      name: "request page       GET /requests/CS-…",
      path: () => {
        const session = next();
        const request = session.active[i % session.active.length];
        return { session, path: `/requests/CS-${String(request?.number).padStart(6, "0")}` };
      },
    },
  ];
  const rows: { name: string; result: LoadResult; portalCpu: number; apiCpu: number }[] = [];
  for (const c of cases) {
    const loadCase = {
      method: "GET" as const,
      next: () => {
        const { session, path } = c.path();
        return { path, headers: cookie(session.token) };
      },
    };
    await runLoad(portal.url, loadCase, warm);
    const [portalBefore, apiBefore] = [portal.cpuMs(), api.cpuMs()];
    const result = await runLoad(portal.url, loadCase, load);
    const n = Math.max(1, result.requests);
    rows.push({
      name: c.name,
      result,
      portalCpu: (portal.cpuMs() - portalBefore) / n,
      apiCpu: (api.cpuMs() - apiBefore) / n,
    });
    console.error(`  ${c.name}: ${Math.round(result.reqPerSec)} req/s (load ${load1()})`);
  }
  const f = (v: number, w = 7) => v.toFixed(1).padStart(w);
  console.log(
    [
      `Portal benchmark, ${new Date().toISOString()}, ${cpus().length} CPU — ${values.requests} requests, ${values.organizations} organizations (SQLite); ${load.connections} connections, ${load.seconds} s per page after ${warm.seconds} s warm-up; load average ${load1()} when done`,
      `| ${"page".padEnd(40)} |   req/s |  p50 ms |  p99 ms | errors | portal CPU ms/req | API CPU ms/req |`,
      `| ${"-".repeat(40)} | ------: | ------: | ------: | -----: | ----------------: | -------------: |`,
      ...rows.map(
        (r) =>
          `| ${r.name.padEnd(40)} | ${Math.round(r.result.reqPerSec).toString().padStart(7)} | ${f(r.result.p50)} | ${f(r.result.p99)} | ${String(r.result.errors).padStart(6)} | ${r.portalCpu.toFixed(2).padStart(17)} | ${r.apiCpu.toFixed(2).padStart(14)} |`,
      ),
      `peak RSS (VmHWM): portal ${(portal.peakRss() / 2 ** 20).toFixed(1)} MB, API ${(api.peakRss() / 2 ** 20).toFixed(1)} MB`,
    ].join("\n"),
  );
} finally {
  await portal?.stop();
  await api?.stop();
  await rm(dir, { recursive: true, force: true });
}
