/**
 * kill -9 of the API in the middle of a write-heavy load on the embedded SQLite file: every request
 * the API acknowledged (201) survives, the file passes `PRAGMA integrity_check`, and after a restart
 * the sessions that existed still work. What makes it hold: WAL with synchronous=FULL, and a 201
 * only after the (group) commit is durable (src/db/sqlite-dialect.ts).
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openRequestOver, spawnApi } from "../test-support/spawn-api.ts";
import { preparedSqliteFile, withDatabase } from "./support.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("crash during writes", () => {
  it("loses no acknowledged write, keeps the file intact and the sessions valid", async () => {
    const { file, world, remove } = await preparedSqliteFile();
    cleanups.push(remove);
    const api = await spawnApi({ DATABASE_URL: file, LOG_LEVEL: "warn" });
    cleanups.push(() => api.stop("SIGKILL"));

    const acknowledged: string[] = [];
    let killed = false;
    let unexpected = 0;
    async function writer(n: number) {
      for (let i = 0; !killed; i++) {
        try {
          const { status, id } = await openRequestOver(api.url, world.customerToken, `Crash ${n}-${i}`);
          if (id) acknowledged.push(id);
          else if (!killed) unexpected = status;
        } catch {
          // the connection died with the process: not acknowledged, may or may not be stored
        }
      }
    }
    const writers = Array.from({ length: 12 }, (_, n) => writer(n));
    // Kill once writes are flowing, so commits are in progress at the moment of the crash.
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    api.child.kill("SIGKILL");
    killed = true;
    expect(await api.exited).toBe("SIGKILL");
    await Promise.all(writers);
    expect(unexpected).toBe(0);

    await withDatabase(file, async ({ db }) => {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      expect(rows).toEqual([{ integrity_check: "ok" }]);
      const stored = new Set((await db.selectFrom("requests").select("id").execute()).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    });

    const restarted = await spawnApi({ DATABASE_URL: file, LOG_LEVEL: "warn" });
    cleanups.push(() => restarted.stop("SIGKILL"));
    const auth = { authorization: `Bearer ${world.customerToken}` };
    const me = await fetch(`${restarted.url}/v1/me`, { headers: auth });
    expect(me.status).toBe(200);
    const last = acknowledged.at(-1);
    expect((await fetch(`${restarted.url}/v1/requests/${last}`, { headers: auth })).status).toBe(200);
    expect((await openRequestOver(restarted.url, world.customerToken, "After the crash")).status).toBe(201);
    expect(await restarted.stop()).toBe(0);
  });
});
