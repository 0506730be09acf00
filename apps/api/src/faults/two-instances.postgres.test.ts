/**
 * Running at scale: two API processes on different loopback ports against one PostgreSQL database
 * (its own, created for the test), as behind a load balancer. Sessions, rate limits and the outbox
 * live in the database, so: a session made on A works on B and a logout on A ends it on B; the
 * sign-in limiter counts attempts made on both; and with both instances draining the outbox at
 * once into a real SMTP server on loopback, every event gives exactly one mail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../db/migrate.ts";
import { fixturePassword } from "../test-support/app.ts";
import { startTestRelay, type TestRelay } from "../test-support/smtp-relay.ts";
import {
  openRequestOver,
  type SeededWorld,
  type SpawnedApi,
  seedWorld,
  spawnApi,
} from "../test-support/spawn-api.ts";
import { createPostgresDatabase, requiredTestDatabaseUrl, withDatabase } from "./support.ts";

let url: string;
let remove: () => Promise<void>;
let world: SeededWorld;
let relay: TestRelay;
let a: SpawnedApi;
let b: SpawnedApi;
beforeAll(async () => {
  ({ url, remove } = await createPostgresDatabase(requiredTestDatabaseUrl()));
  world = await withDatabase(url, async ({ db }) => {
    await migrateToLatest(db);
    return seedWorld(db);
  });
  relay = await startTestRelay();
  const env = { DATABASE_URL: url, SMTP_URL: relay.url, OUTBOX_INTERVAL_MS: "100", LOG_LEVEL: "warn" };
  [a, b] = await Promise.all([spawnApi(env), spawnApi(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await relay?.close();
  await remove?.();
});

const login = (api: SpawnedApi, email: string, password: string) =>
  fetch(`${api.url}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
const me = (api: SpawnedApi, token: string) =>
  fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe("two API instances on one PostgreSQL", () => {
  it("share sessions: signed in on A works on B, signed out on A is out on B", async () => {
    expect(a.url).not.toBe(b.url);
    const res = await login(a, world.customer.email, fixturePassword);
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(await me(b, token)).toBe(200);
    const logout = await fetch(`${a.url}/v1/auth/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(204);
    expect(await me(b, token)).toBe(401);
    expect(await me(a, token)).toBe(401);
  });

  it("share the sign-in limiter: attempts on A and B count together", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await login(i % 2 === 0 ? a : b, world.agent.email, "wrong password")).status);
    }
    // 5 tries per account in all (not 5 per instance), then 429 on both instances.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it("deliver one mail per event while both drain the outbox concurrently", async () => {
    const opened: string[] = [];
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const { id } = await openRequestOver(i % 2 === 0 ? a.url : b.url, world.customerToken, `Scale ${i}`);
        if (id) opened.push(id);
      }),
    );
    expect(opened).toHaveLength(24);
    const expected = await withDatabase(url, async ({ db }) =>
      db
        .selectFrom("outbox")
        .select(["id", "messageId", "requestId"])
        .where("requestId", "in", opened)
        .execute(),
    );
    expect(expected.length).toBeGreaterThanOrEqual(24); // at least the acknowledgement of each

    const deadline = Date.now() + 30_000;
    const ours = () =>
      relay.mails.filter((m) => expected.some((row) => row.messageId === m.parsed.messageId));
    while (ours().length < expected.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000)); // time for a duplicate to show up, if any
    const messageIds = ours().map((m) => m.parsed.messageId);
    expect(messageIds).toHaveLength(expected.length);
    expect(new Set(messageIds).size).toBe(expected.length);

    const unsent = await withDatabase(url, async ({ db }) =>
      db
        .selectFrom("outbox")
        .select("id")
        .where("requestId", "in", opened)
        .where("sentAt", "is", null)
        .execute(),
    );
    expect(unsent).toEqual([]);
  });
});
