// Readiness: up only when the database answers at the latest schema and the process is not stopping.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { createMigrator } from "../db/migrate.ts";
import { createLogger } from "../logger.ts";
import { createTestApp, type TestApp, testConfig } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function appWith(stopping: () => boolean) {
  return createApp({
    db: t.db,
    attachments: t.attachments,
    engine: t.engine,
    clock: () => new Date(),
    config: testConfig,
    logger: createLogger("silent"),
    stopping,
  });
}

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { code: string; detail?: string };
}

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    const res = await t.call("GET", "/ready");
    expect(res.status).toBe(200);
    const applied = (await (await createMigrator(t.db)).getMigrations()).length;
    expect(applied).toBeGreaterThanOrEqual(4);
    expect(await res.json()).toMatchObject({ status: "ready", engine: t.engine, migrations: applied });
  });

  it("answers 503 once the process is shutting down, while /health still answers", async () => {
    let stopping = false;
    const app = appWith(() => stopping);
    expect((await app.request("/ready")).status).toBe(200);
    stopping = true;
    const res = await app.request("/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await problemOf(res)).toMatchObject({ code: "service-unavailable", detail: "Shutting down." });
    expect((await app.request("/health")).status).toBe(200);
  });

  it("answers 503 naming the migration a database lacks", async () => {
    const last = "2026-11-26-0003-canned-replies";
    const { rows } = await sql<{
      timestamp: string;
    }>`select timestamp from kysely_migration where name = ${last}`.execute(t.db);
    await sql`delete from kysely_migration where name = ${last}`.execute(t.db);
    try {
      const res = await t.call("GET", "/ready");
      expect(res.status).toBe(503);
      expect((await problemOf(res)).detail).toContain(last);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${rows[0]?.timestamp})`.execute(
        t.db,
      );
    }
    expect((await t.call("GET", "/ready")).status).toBe(200);
  });
});
