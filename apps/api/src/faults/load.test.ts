/**
 * Sustained mixed load against the real API process, bounded in time (LOAD_SECONDS, 6 s by
 * default): 20 concurrent clients open requests, reply, list, read and work the agent queue. No
 * answer may be a 5xx (or a network error), and every write the API acknowledged (201) must be in
 * the database afterwards. Runs on both engines (a SQLite file, or a fresh PostgreSQL database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRequestOver, type SeededWorld, type SpawnedApi, spawnApi } from "../test-support/spawn-api.ts";
import { preparedDatabase, withDatabase } from "./support.ts";

const seconds = Number(process.env.LOAD_SECONDS ?? 6);
const concurrency = 20;

let api: SpawnedApi;
let url: string;
let world: SeededWorld;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ url, world, remove } = await preparedDatabase());
  api = await spawnApi({ DATABASE_URL: url, LOG_LEVEL: "warn" });
});
afterAll(async () => {
  await api?.stop();
  await remove?.();
});

describe("sustained mixed load", () => {
  it(`${concurrency} clients for ${seconds} s: no 5xx, no lost acknowledged write`, async () => {
    const openedIds: string[] = [];
    const replyTexts: string[] = [];
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const deadline = Date.now() + seconds * 1000;
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    async function client(n: number) {
      for (let i = 0; Date.now() < deadline; i++) {
        const kind = (n + i) % 5;
        try {
          if (kind === 0 || openedIds.length === 0) {
            const { status, id } = await openRequestOver(api.url, world.customerToken, `Load ${n}-${i}`);
            count(status);
            if (id) openedIds.push(id);
          } else if (kind === 1) {
            const target = openedIds[(n * 31 + i) % openedIds.length];
            const text = `Reply ${n}-${i}`;
            const res = await fetch(`${api.url}/v1/requests/${target}/messages`, {
              method: "POST",
              headers: { ...auth(world.customerToken), "content-type": "application/json" },
              body: JSON.stringify({ body: text }),
              signal: AbortSignal.timeout(15_000),
            });
            count(res.status);
            await res.arrayBuffer();
            if (res.status === 201) replyTexts.push(text);
          } else {
            const path =
              kind === 2
                ? "/v1/requests?limit=20"
                : kind === 3
                  ? `/v1/requests/${openedIds[i % openedIds.length]}`
                  : "/v1/agent/queue";
            const token = kind === 4 ? world.agentToken : world.customerToken;
            const res = await fetch(`${api.url}${path}`, {
              headers: auth(token),
              signal: AbortSignal.timeout(15_000),
            });
            count(res.status);
            await res.arrayBuffer();
          }
        } catch (error) {
          failures.push(String(error));
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, (_, n) => client(n)));

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`load: ${total} requests in ${seconds} s`, Object.fromEntries(statuses));
    expect(failures).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect([...statuses.keys()].every((s) => s === 200 || s === 201)).toBe(true);
    expect(openedIds.length).toBeGreaterThan(20);
    expect(replyTexts.length).toBeGreaterThan(20);

    await withDatabase(url, async ({ db }) => {
      const requests = await db.selectFrom("requests").select("id").execute();
      const stored = new Set(requests.map((r) => r.id));
      expect(openedIds.filter((id) => !stored.has(id))).toEqual([]);
      const messages = await db
        .selectFrom("messages")
        .select("body")
        .where("body", "like", "Reply %")
        .execute();
      const bodies = new Set(messages.map((m) => m.body));
      expect(replyTexts.filter((text) => !bodies.has(text))).toEqual([]);
    });
  });
});
