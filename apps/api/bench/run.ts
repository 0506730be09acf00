/**
 * API benchmark (not a test): loads 1,000 organizations and 100,000 requests into a fresh database,
 * starts the real API (its `start` command: the bundle of `src/server.ts`) in a child process on loopback, creates sessions, and puts
 * each route under load with autocannon, next to a bare Hono "hello" process as the ceiling.
 * Prints one table per engine, the API's peak memory, and the targets met or missed.
 *
 *   pnpm --filter @cirrus/api bench                       # SQLite (a temporary file)
 *   BENCH_DATABASE_URL=postgres://u@127.0.0.1:5432/postgres pnpm --filter @cirrus/api bench
 *                                                         # SQLite, then PostgreSQL (a database
 *                                                         # cirrus_bench_<pid> is created and dropped)
 *   pnpm --filter @cirrus/api bench -- --engine postgres --seconds 10 --connections 10 --profile
 *   pnpm --filter @cirrus/api bench -- --reuse /tmp/cirrus-bench --only list --node-args="--flag"
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { bundleServer } from "../scripts/bundle.ts";
import { type Child, freePort, startChild, startFlags, startScript } from "./child.ts";
import { type LoadCase, type LoadResult, runLoad } from "./load.ts";
import { type BenchSessions, prepareBench } from "./prepare.ts";
import { summarizeProfiles } from "./profile.ts";

const { values } = parseArgs({
  // pnpm passes the `--` of `pnpm bench -- --flag` through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    engine: { type: "string" }, // sqlite | postgres | both
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    requests: { type: "string", default: "100000" },
    organizations: { type: "string", default: "1000" },
    profile: { type: "boolean", default: false },
    // Comma-separated subset of: list, open, queue, reply (e.g. to profile one route alone).
    only: { type: "string", default: "list,open,queue,reply" },
    // SQLite only: keep the loaded database and its sessions in this folder and start each run
    // from a copy of it (saves the minute of loading when iterating on one route).
    reuse: { type: "string" },
    // API processes (API_WORKERS): 1 is the default start; the number of cores uses them all.
    workers: { type: "string", default: String(cpus().length) },
    // Extra V8/Node flags for the API, after those of its `start` script (e.g. "--optimize-for-size").
    "node-args": { type: "string", default: "" },
  },
});
const pgUrl = process.env.BENCH_DATABASE_URL;
const engines =
  values.engine === "both"
    ? ["sqlite", "postgres"]
    : values.engine
      ? [values.engine]
      : pgUrl
        ? ["sqlite", "postgres"]
        : ["sqlite"];
if (engines.includes("postgres") && !pgUrl) throw new Error("--engine postgres needs BENCH_DATABASE_URL");
const seconds = Number(values.seconds);
const workers = Number(values.workers);
const load = { connections: Number(values.connections), seconds };
const warm = { connections: Number(values.connections), seconds: Number(values.warmup) };
const apiDir = join(import.meta.dirname, "..");
const load1 = () => loadavg()[0]?.toFixed(2) ?? "?";
const apiFlags = [...startFlags(apiDir), ...values["node-args"].split(/\s+/).filter(Boolean)];
// The API runs as its `start` script runs it: the bundle, built now from the current sources.
const apiScript = startScript(apiDir);
await bundleServer();

/** A database of its own for this run: a temporary SQLite file, or a new PostgreSQL database. */
async function createDatabase(engine: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "cirrus-api-bench-"));
    return { url: join(dir, "bench.sqlite"), drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `cirrus_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Round-robin over a list. */
function rotate<T>(list: readonly T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

interface Row {
  name: string;
  result: LoadResult;
  /** The server's CPU time per answered request, ms: what the route costs, whatever else runs. */
  cpuPerRequest: number;
  /** The server's peak RSS so far (VmHWM), after this route, bytes. */
  peakRss: number;
}

const only = new Set(values.only.split(","));

async function measure(server: Child, name: string, loadCase: LoadCase): Promise<Row> {
  await runLoad(server.url, loadCase, warm); // warm-up: JIT, statement cache, page cache
  const cpuBefore = server.cpuMs();
  const result = await runLoad(server.url, loadCase, load);
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, result.requests);
  process.stderr.write(`  ${name}: ${Math.round(result.reqPerSec)} req/s (load ${load1()})\n`);
  return { name, result, cpuPerRequest, peakRss: server.peakRss() };
}

/** Loads the data, or (with --reuse on SQLite) copies the kept database and reads its sessions. */
async function loadData(engine: string, url: string): Promise<BenchSessions> {
  const options = { requests: Number(values.requests), organizations: Number(values.organizations) };
  const keep = engine === "sqlite" ? values.reuse : undefined;
  if (!keep) return prepareBench(url, options);
  const kept = join(keep, `bench-${options.requests}-${options.organizations}.sqlite`);
  const sessionsFile = `${kept}.sessions.json`;
  if (!existsSync(sessionsFile)) {
    await mkdir(keep, { recursive: true });
    const data = await prepareBench(kept, options);
    await writeFile(sessionsFile, JSON.stringify(data));
  }
  await copyFile(kept, url);
  return { ...(JSON.parse(await readFile(sessionsFile, "utf8")) as BenchSessions), seconds: 0 };
}

async function benchEngine(engine: string, hello: Child) {
  const database = await createDatabase(engine);
  let api: Child | undefined;
  try {
    process.stderr.write(`${engine}: loading data…\n`);
    const data = await loadData(engine, database.url);
    process.stderr.write(
      `${engine}: ${data.counts.requests} requests, ${data.counts.messages} messages, ${data.counts.users} users in ${data.seconds.toFixed(1)} s\n`,
    );

    const port = await freePort();
    const profileDir = join(apiDir, "bench", "profiles", engine);
    api = await startChild({
      script: apiScript,
      cwd: apiDir,
      port,
      readyPath: "/health",
      nodeArgs: [...apiFlags, ...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])],
      env: {
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        API_WORKERS: String(workers),
        INBOUND_SMTP_PORT: "0",
        SEED_DEMO: "never",
        LOG_LEVEL: "info",
      },
    });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const customer = rotate(data.customers);
    const agent = rotate(data.agents);
    let counter = 0;
    const rows: Row[] = [];
    rows.push(
      await measure(hello, "bare Hono hello (ceiling)", { method: "GET", next: () => ({ path: "/" }) }),
    );
    if (only.has("list"))
      rows.push(
        await measure(api, "list my requests  GET /v1/requests", {
          method: "GET",
          next: () => ({ path: "/v1/requests", headers: bearer(customer().token) }),
        }),
      );
    if (only.has("open"))
      rows.push(
        await measure(api, "open a request    POST /v1/requests", {
          method: "POST",
          next: () => ({
            path: "/v1/requests",
            headers: bearer(customer().token),
            body: JSON.stringify({
              subject: `Benchmark request ${++counter}`,
              category: "usage-question",
              body: "Bonjour,\n\nl'export des contacts s'arrête à 500 lignes. Pouvez-vous vérifier ?\n\nMerci",
            }),
          }),
        }),
      );
    if (only.has("queue"))
      rows.push(
        await measure(api, "agent queue       GET /v1/agent/queue", {
          method: "GET",
          next: () => ({ path: "/v1/agent/queue", headers: bearer(agent()) }),
        }),
      );
    if (only.has("reply"))
      rows.push(
        await measure(api, "add a reply       POST /v1/requests/{id}/messages", {
          method: "POST",
          next: () => {
            const session = customer();
            const target = session.active[++counter % session.active.length];
            return {
              path: `/v1/requests/${target?.id}/messages`,
              headers: bearer(session.token),
              body: JSON.stringify({ body: "Merci, je vous envoie la capture d'écran demandée." }),
            };
          },
        }),
      );
    const peak = api.peakRss();
    return { rows, peak, largest: api.largestPeakRss(), pss: api.peakPss() };
  } finally {
    await api?.stop();
    await database.drop();
  }
}

const ms = (v: number) => v.toFixed(1).padStart(7);
const started = new Date();
console.error(
  `API benchmark: ${cpus().length} CPU, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load1()} at start`,
);
const helloPort = await freePort();
const hello = await startChild({
  script: "bench/hello.ts",
  cwd: apiDir,
  port: helloPort,
  readyPath: "/",
  env: { PORT: String(helloPort), WORKERS: String(workers) },
});
const reports: string[] = [];
try {
  for (const engine of engines) {
    const { rows, peak, largest, pss } = await benchEngine(engine, hello);
    const ceiling = rows[0]?.result.reqPerSec ?? 1;
    const lines = rows.map(
      ({ name, result, cpuPerRequest, peakRss }) =>
        `| ${name.padEnd(50)} | ${Math.round(result.reqPerSec).toString().padStart(7)} | ${ms(result.p50)} | ${ms(result.p99)} | ${String(result.errors).padStart(6)} | ${((100 * result.reqPerSec) / ceiling).toFixed(1).padStart(7)}% | ${cpuPerRequest.toFixed(2).padStart(10)} | ${(peakRss / 2 ** 20).toFixed(0).padStart(11)} |`,
    );
    const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))?.result;
    const list = byName("list");
    const open = byName("open");
    const mb = peak / 2 ** 20;
    const check = (ok: boolean) => (ok ? "met" : "MISSED");
    const targets =
      engine === "sqlite" && list && open
        ? [
            `list ≥ 10% of hello with p99 < 20 ms: ${check(list.reqPerSec >= 0.1 * ceiling && list.p99 < 20)}`,
            `list floor 2,000 req/s with p99 < 50 ms: ${check(list.reqPerSec >= 2000 && list.p99 < 50)}`,
            `open a request ≥ 1,000 req/s: ${check(open.reqPerSec >= 1000)}`,
            workers > 1
              ? `API memory < 150 MB: largest process ${check(largest / 2 ** 20 < 150)}; all processes together (PSS) ${check(pss / 2 ** 20 < 150)}`
              : `API peak RSS < 150 MB: ${check(mb < 150)}`,
          ]
        : [];
    reports.push(
      [
        `\n${engine === "sqlite" ? "SQLite (embedded file)" : "PostgreSQL"} — ${values.requests} requests, ${values.organizations} organizations; ${load.connections} connections, ${seconds} s per route after ${warm.seconds} s warm-up; load average ${load1()} when done`,
        `| ${"route".padEnd(50)} |   req/s |  p50 ms |  p99 ms | errors | vs hello | CPU ms/req | peak RSS MB |`,
        `| ${"-".repeat(50)} | ------: | ------: | ------: | -----: | -------: | ---------: | ----------: |`,
        ...lines,
        workers > 1
          ? `API memory, primary and ${workers} workers: peak RSS (VmHWM) ${mb.toFixed(1)} MB summed, largest process ${(largest / 2 ** 20).toFixed(1)} MB; peak PSS together (shared pages counted once) ${(pss / 2 ** 20).toFixed(1)} MB`
          : `API peak RSS (VmHWM): ${mb.toFixed(1)} MB`,
        ...targets.map((t) => `target: ${t}`),
      ].join("\n"),
    );
  }
} finally {
  await hello.stop();
}
console.log(
  `API benchmark, ${started.toISOString()}, ${cpus().length} CPU; API started as \`${workers > 1 ? `API_WORKERS=${workers} ` : ""}node ${[...apiFlags, apiScript].join(" ")}\`${reports.join("\n")}`,
);
if (values.profile) {
  for (const engine of engines) {
    console.log(`\nCPU profile of the API (${engine}), self time by function, top 25:`);
    console.log(await summarizeProfiles(join(apiDir, "bench", "profiles", engine), 25));
  }
}
