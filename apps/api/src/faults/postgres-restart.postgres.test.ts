/**
 * PostgreSQL restarted under load: while it is down the API answers 503 problems quickly (never
 * hangs, never a 500), and once it is back the API serves again by itself, without a restart.
 *
 * The test stops and starts a server, so it cannot use the shared TEST_DATABASE_URL one: it makes its
 * own throwaway cluster with initdb (as the `postgres` user when running as root, since initdb
 * refuses root) on a free loopback port. No initdb, no test: it fails, saying what is missing — CI
 * always has PostgreSQL 15 at /usr/lib/postgresql/15/bin (set PG_BIN for another place).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../db/migrate.ts";
import { freePort } from "../test-support/ports.ts";
import {
  openRequestOver,
  type SeededWorld,
  type SpawnedApi,
  seedWorld,
  spawnApi,
} from "../test-support/spawn-api.ts";
import { withDatabase } from "./support.ts";

const pgBin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A PostgreSQL cluster of our own that the test may stop and start. */
async function throwawayCluster() {
  if (!existsSync(join(pgBin, "initdb"))) {
    throw new Error(`initdb not found in ${pgBin}: install PostgreSQL 15 or set PG_BIN to its bin folder`);
  }
  const folder = mkdtempSync(join(tmpdir(), "cirrus-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(pgBin, tool), ...args], { stdio: "pipe" })
      : execFileSync(join(pgBin, tool), args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(folder, uid, gid);
  }
  const data = join(folder, "data");
  run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "--no-sync",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", data, "-l", join(folder, "log"), "-w", "-o", options, "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    remove: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

let cluster: Awaited<ReturnType<typeof throwawayCluster>>;
let api: SpawnedApi;
let world: SeededWorld;
beforeAll(async () => {
  cluster = await throwawayCluster();
  world = await withDatabase(cluster.url, async ({ db }) => {
    await migrateToLatest(db);
    return seedWorld(db);
  });
  api = await spawnApi({ DATABASE_URL: cluster.url, LOG_LEVEL: "error" });
});
afterAll(async () => {
  await api?.stop();
  cluster?.remove();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PostgreSQL restart under load", () => {
  it("answers 503 problems while it is down, without hanging, and recovers by itself", async () => {
    type Outcome = {
      phase: "up" | "down" | "back";
      status: number;
      ms: number;
      code?: string;
      type?: string;
    };
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let phase: Outcome["phase"] = "up";
    let running = true;
    async function client(n: number) {
      for (let i = 0; running; i++) {
        const at = phase;
        const started = Date.now();
        const write = i % 2 === 0;
        const result = write
          ? await openRequestOver(api.url, world.customerToken, `Restart ${n}-${i}`, 20_000)
          : await fetch(`${api.url}/v1/requests?limit=5`, {
              headers: { authorization: `Bearer ${world.customerToken}` },
              signal: AbortSignal.timeout(20_000),
            }).then(async (res) => ({
              status: res.status,
              body: await res.json(),
              contentType: res.headers.get("content-type"),
            }));
        if ("id" in result && result.id) acknowledged.push(result.id);
        outcomes.push({
          phase: at,
          status: result.status,
          ms: Date.now() - started,
          code: (result.body as { code?: string } | undefined)?.code,
          ...(result.contentType ? { type: result.contentType } : {}),
        });
        if (result.status === 503) await sleep(100);
      }
    }
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await sleep(1_500);
    phase = "down";
    cluster.stop();
    await sleep(3_000);
    cluster.start();
    phase = "back";
    // Recovery by itself: some write succeeds again within 15 s of the server being back.
    const backAt = Date.now();
    while (!outcomes.some((o) => o.phase === "back" && o.status === 201) && Date.now() - backAt < 15_000) {
      await sleep(100);
    }
    await sleep(500);
    running = false;
    await Promise.all(clients);

    const down = outcomes.filter((o) => o.phase === "down");
    // On failure, the API's own account of an unmapped error says which one it was.
    const unhandled = api.output.filter((line) => line.includes("unhandled error"));
    expect(outcomes.filter((o) => o.phase === "up" && o.status === 201).length).toBeGreaterThan(0);
    expect(down.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    // Nothing but success or a 503 problem, ever; and no answer waits longer than the pool's 5 s
    // connect timeout plus slack.
    expect(
      outcomes.filter((o) => ![200, 201, 503].includes(o.status)),
      unhandled.join("\n"),
    ).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.code).toBe("service-unavailable");
      expect(o.type).toMatch(/^application\/problem\+json/);
    }
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(8_000);
    expect(outcomes.filter((o) => o.phase === "back" && o.status === 201).length).toBeGreaterThan(0);
    expect(api.child.exitCode).toBeNull(); // still the same process

    await withDatabase(cluster.url, async ({ db }) => {
      const stored = new Set((await db.selectFrom("requests").select("id").execute()).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    });
  });
});
