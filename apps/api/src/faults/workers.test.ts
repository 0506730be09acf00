/**
 * API_WORKERS=2: one primary and two worker processes sharing the HTTP port, on the engine of the
 * Vitest project (SQLite: both workers write to one file). Both workers answer; every acknowledged
 * write is stored, none fails on the other worker's lock; a session is valid on both and a sign-out
 * ends it on both; a worker killed with SIGKILL is replaced; SIGTERM stops them all; a worker that
 * cannot start stops the cluster with an error.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePassword } from "../test-support/app.ts";
import { cpuMs, childPids as workerPids } from "../test-support/processes.ts";
import { openRequestOver, type SeededWorld, type SpawnedApi, spawnApi } from "../test-support/spawn-api.ts";
import { preparedDatabase, withDatabase } from "./support.ts";

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let url: string;
let remove: () => Promise<void>;
let world: SeededWorld;
let api: SpawnedApi;
beforeAll(async () => {
  ({ url, world, remove } = await preparedDatabase());
  api = await spawnApi({ DATABASE_URL: url, API_WORKERS: "2", LOG_LEVEL: "info" });
  await until(() => api.output.some((line) => line.includes('"all workers listening"')), "both workers");
});
afterAll(async () => {
  await api?.stop("SIGKILL");
  await remove?.();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API cluster (API_WORKERS=2)", () => {
  it("answers from both workers and stores every acknowledged write", async () => {
    const workers = workerPids(api.child.pid as number);
    expect(workers).toHaveLength(2);
    const before = workers.map(cpuMs);
    const acknowledged: string[] = [];
    const failures: number[] = [];
    // Concurrent writers open several connections, which the primary hands to both workers in turn.
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let i = 0; i < 25; i++) {
          const { status, id } = await openRequestOver(
            api.url,
            world.customerToken,
            `Cluster ${writer}-${i}`,
          );
          if (id) acknowledged.push(id);
          else failures.push(status);
          const list = await fetch(`${api.url}/v1/requests?limit=5`, { headers: auth(world.customerToken) });
          if (list.status !== 200) failures.push(list.status);
          await list.arrayBuffer();
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(acknowledged).toHaveLength(200);
    // Both did real work: 200 openings and 200 lists cost each worker far more than idling would.
    const used = workers.map((pid, i) => cpuMs(pid) - (before[i] as number));
    for (const ms of used) expect(ms).toBeGreaterThan(100);

    await withDatabase(url, async ({ db }) => {
      const stored = new Set((await db.selectFrom("requests").select("id").execute()).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    });
  });

  it("shares sessions: a session works on every worker, and a sign-out ends it on every worker", async () => {
    const login = await fetch(`${api.url}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: world.customer.email, password: fixturePassword }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    // Twenty concurrent requests spread over several connections, so over both workers.
    const statuses = () =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${api.url}/v1/me`, { headers: auth(token) }).then((r) => r.status),
        ),
      );
    expect(new Set(await statuses())).toEqual(new Set([200]));
    const logout = await fetch(`${api.url}/v1/auth/logout`, { method: "POST", headers: auth(token) });
    expect(logout.status).toBe(204);
    expect(new Set(await statuses())).toEqual(new Set([401]));
  });

  it("replaces a worker killed with SIGKILL and keeps answering", async () => {
    const [victim, survivor] = workerPids(api.child.pid as number);
    process.kill(victim as number, "SIGKILL");
    await until(() => {
      const now = workerPids(api.child.pid as number);
      return now.length === 2 && !now.includes(victim as number);
    }, "a new worker");
    expect(workerPids(api.child.pid as number)).toContain(survivor);
    await until(
      () => api.output.some((line) => line.includes('"worker died, starting another"')),
      "the replacement to be logged",
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => openRequestOver(api.url, world.customerToken, `After ${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
  });

  it("stops every worker on SIGTERM and exits 0", async () => {
    const workers = workerPids(api.child.pid as number);
    expect(await api.stop("SIGTERM")).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });

  it("exits with an error when a worker cannot start (its port is taken)", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      await expect(spawnApi({ DATABASE_URL: url, API_WORKERS: "2", API_PORT: String(port) })).rejects.toThrow(
        /API exited \(1\) before listening/,
      );
    } finally {
      holder.close();
    }
  });
});
