// A fresh, migrated database per call for tests, on the engine the Vitest project selects.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, escapeIdentifier } from "pg";
import { type OpenedDatabase, openDatabase } from "../db/connect.ts";
import { newId } from "../db/ids.ts";
import { migrateToLatest } from "../db/migrate.ts";

/**
 * `TEST_DB_ENGINE` = `sqlite` (default): a new file in the OS temp folder, removed on close.
 * `TEST_DB_ENGINE` = `postgres`: a new schema in the database at `TEST_DATABASE_URL`, dropped on
 * close, so test files running in parallel never see each other's rows.
 * @example const { db, engine, close } = await createTestDatabase(); afterAll(close)
 */
export async function createTestDatabase(): Promise<OpenedDatabase> {
  const engine = process.env.TEST_DB_ENGINE ?? "sqlite";
  if (engine === "sqlite") return createSqliteTestDatabase();
  if (engine === "postgres") return createPostgresTestDatabase();
  throw new Error(`TEST_DB_ENGINE must be "sqlite" or "postgres", not "${engine}"`);
}

async function createSqliteTestDatabase(): Promise<OpenedDatabase> {
  const folder = mkdtempSync(join(tmpdir(), "cirrus-test-"));
  const opened = await openDatabase(join(folder, "test.sqlite"));
  return withSetup(opened, async () => {
    await opened.close();
    rmSync(folder, { recursive: true, force: true });
  });
}

async function createPostgresTestDatabase(): Promise<OpenedDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL=postgres://…");
  const schema = `test_${newId()}`;
  await withAdminClient(url, (admin) => admin.query(`create schema ${escapeIdentifier(schema)}`));
  try {
    const opened = await openDatabase(url, { searchPath: schema, poolMax: 5 });
    return withSetup(opened, async () => {
      await opened.close();
      await dropSchema(url, schema);
    });
  } catch (error) {
    await dropSchema(url, schema);
    throw error;
  }
}

/** Migrates the new database and gives it a `close` that also removes it. */
async function withSetup(opened: OpenedDatabase, remove: () => Promise<void>): Promise<OpenedDatabase> {
  try {
    await migrateToLatest(opened.db);
  } catch (error) {
    await remove();
    throw error;
  }
  return { db: opened.db, engine: opened.engine, close: remove };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  await withAdminClient(url, (admin) =>
    admin.query(`drop schema if exists ${escapeIdentifier(schema)} cascade`),
  );
}

async function withAdminClient(url: string, use: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

/** The mails queued for an address, oldest first (the outbox is what the API would send). */
export function outboxTo(db: OpenedDatabase["db"], address: string) {
  return db.selectFrom("outbox").selectAll().where("toAddress", "=", address).orderBy("createdAt").execute();
}
