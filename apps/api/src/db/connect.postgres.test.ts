// What only the PostgreSQL connection has: its pool settings, schema isolation and number parsing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import type { OpenedDatabase } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";

let opened: OpenedDatabase;

beforeAll(async () => {
  opened = await createTestDatabase();
});
afterAll(() => opened?.close());

describe("openDatabase on PostgreSQL", () => {
  it("is the postgres engine", () => {
    expect(opened.engine).toBe("postgres");
  });

  it("works in the schema given as search_path, on every pooled connection", async () => {
    const schemas = await Promise.all(
      Array.from({ length: 5 }, () =>
        opened.db.transaction().execute(async (trx) => {
          await sql`select pg_sleep(0.05)`.execute(trx);
          const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(trx);
          return rows[0]?.schema;
        }),
      ),
    );
    expect(new Set(schemas).size).toBe(1);
    expect(schemas[0]).toMatch(/^test_[a-z2-7]{32}$/);
  });

  it("gives every connection the statement timeout back after migrating without one", async () => {
    await migrateToLatest(opened.db);
    const timeouts = await Promise.all(
      Array.from({ length: 5 }, () =>
        opened.db.transaction().execute(async (trx) => {
          await sql`select pg_sleep(0.05)`.execute(trx);
          const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(trx);
          return rows[0]?.statement_timeout;
        }),
      ),
    );
    expect(timeouts).toEqual(Array(5).fill("30s"));
  });

  it("columns have the types that read back as JavaScript numbers", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and data_type not in ('text', 'character varying')
      order by table_name, column_name`.execute(opened.db);
    expect(rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type}`)).toEqual([
      "attachmentChunks.data bytea",
      "attachmentChunks.seq integer",
      "attachments.size integer",
      "counters.value integer",
      "feedback.helpful integer",
      "inboundMail.attachmentCount integer",
      "inboundMail.autoReplied integer",
      "kysely_migration_lock.is_locked integer",
      "outbox.attempts integer",
      "quotes.amountCents integer",
      "quotes.effortDays double precision",
      "rateLimits.tokens double precision",
      "requests.number integer",
    ]);
  });

  it("parses bigint results as numbers, and refuses those beyond 2^53 rather than rounding", async () => {
    const { rows } = await sql<{ n: number }>`select ${"9007199254740991"}::bigint as n`.execute(opened.db);
    expect(rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
    await expect(sql`select ${"9007199254740993"}::bigint as n`.execute(opened.db)).rejects.toThrow(
      /beyond 2\^53/,
    );
  });
});
