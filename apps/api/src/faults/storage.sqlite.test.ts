/**
 * The embedded SQLite file when its disk is full or it is read-only: writes answer a clear 503
 * problem with a stable code (never a 500 with a stack), reads keep working, nothing is half-written,
 * the file passes `PRAGMA integrity_check`, and writes succeed again once the cause is gone.
 *
 * How the faults are played without root (chmod does not stop root, and mounting a tiny tmpfs needs
 * privileges): on the API's own connection, `PRAGMA max_page_count` = the current size makes SQLite
 * answer SQLITE_FULL exactly as a full disk does, and `PRAGMA query_only` makes it answer
 * SQLITE_READONLY as a read-only file does. Both errors reach the same mapping (src/db/errors.ts).
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await t.user("customer", (await t.organization("premium")).id)).token;
});
afterAll(() => t.close());

const bigBody = "Plusieurs paragraphes de description. ".repeat(500); // ~19 kB: new pages on every insert

async function open(subject: string) {
  return t.call("POST", "/v1/requests", {
    token,
    json: { subject, category: "usage-question", body: bigBody },
  });
}

async function counts() {
  const one = async (table: "requests" | "messages" | "requestEvents" | "outbox") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    requests: await one("requests"),
    messages: await one("messages"),
    requestEvents: await one("requestEvents"),
    outbox: await one("outbox"),
  };
}

async function expectIntact() {
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.db);
  expect(rows).toEqual([{ integrity_check: "ok" }]);
}

async function expectProblem(res: Response, code: string) {
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await res.json()) as { code: string; title: string };
  expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/SQLITE|at .*\.ts:\d+/); // no internals, no stack
}

describe("disk full", () => {
  it("answers 503 storage-full, writes nothing, stays intact and recovers when space is back", async () => {
    expect((await open("Before the disk fills")).status).toBe(201);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.db);
    const pages = Number(rows[0]?.page_count);
    await sql.raw(`pragma max_page_count = ${pages}`).execute(t.db);
    const before = await counts();
    try {
      for (let i = 0; i < 3; i++) await expectProblem(await open(`Disk full ${i}`), "storage-full");
      expect(await counts()).toEqual(before); // no request without its message, event or mail
      expect((await t.call("GET", "/v1/requests", { token })).status).toBe(200); // reads still work
      await expectIntact();
    } finally {
      await sql.raw("pragma max_page_count = 1073741823").execute(t.db);
    }
    expect((await open("After space is freed")).status).toBe(201);
    await expectIntact();
  });
});

describe("read-only database", () => {
  it("answers 503 service-unavailable, writes nothing, stays intact and recovers when writable", async () => {
    const before = await counts();
    await sql`pragma query_only = 1`.execute(t.db);
    try {
      await expectProblem(await open("Read-only"), "service-unavailable");
      expect((await t.call("GET", "/v1/requests", { token })).status).toBe(200);
    } finally {
      await sql`pragma query_only = 0`.execute(t.db);
    }
    expect(await counts()).toEqual(before);
    await expectIntact();
    expect((await open("Writable again")).status).toBe(201);
  });
});
