/**
 * The documented backup/restore commands (`node src/db/cli.ts backup|restore <file>`, run as child
 * processes exactly as an operator would) on the engine of the Vitest project: a database with the
 * demo data is backed up while open, restored into a fresh database, and the two hold the same rows.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, requiredTestDatabaseUrl } from "../faults/support.ts";
import { type OpenedDatabase, openDatabase } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";
import type { Database } from "./schema.ts";
import { seedDemo } from "./seed.ts";

const run = promisify(execFile);
const apiRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const engine = process.env.TEST_DB_ENGINE ?? "sqlite";
const folder = mkdtempSync(join(tmpdir(), "cirrus-backup-"));
const removals: (() => Promise<void>)[] = [];

/** A new empty database of the project's engine. */
async function freshDatabaseUrl(name: string): Promise<string> {
  if (engine === "sqlite") return join(folder, `${name}.sqlite`);
  const { url, remove } = await createPostgresDatabase(requiredTestDatabaseUrl());
  removals.push(remove);
  return url;
}

function cli(command: string, url: string, file: string) {
  return run(process.execPath, ["src/db/cli.ts", command, file], {
    cwd: apiRoot,
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: url },
  });
}

const tables: (keyof Database)[] = [
  "organizations",
  "users",
  "sessions",
  "requests",
  "messages",
  "quotes",
  "requestEvents",
  "outbox",
  "auditLog",
  "cannedReplies",
  "counters",
];

async function snapshot(db: Kysely<Database>) {
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    // Same order on both engines whatever their collation: sort by the JSON text.
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

let source: OpenedDatabase;
let sourceUrl: string;
beforeAll(async () => {
  sourceUrl = await freshDatabaseUrl("source");
  source = await openDatabase(sourceUrl);
  await migrateToLatest(source.db);
  await seedDemo(source.db, new Date("2026-11-26T10:00:00+01:00"));
});
afterAll(async () => {
  await source?.close();
  for (const remove of removals) await remove();
  rmSync(folder, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, () => {
  it("restores into a fresh database exactly what was backed up, while the source stays open", async () => {
    const before = await snapshot(source.db);
    expect((before.requests ?? []).length).toBeGreaterThan(5);
    const file = join(folder, "backup.dump");
    const backup = await cli("backup", sourceUrl, file);
    expect(backup.stdout).toMatch(/Backed up/);
    // A later write is not in the backup: it is a snapshot.
    await source.db.updateTable("organizations").set({ name: "Changed after the backup" }).execute();

    const targetUrl = await freshDatabaseUrl("target");
    const restore = await cli("restore", targetUrl, file);
    expect(restore.stdout).toMatch(/Restored/);
    const target = await openDatabase(targetUrl);
    try {
      expect(await snapshot(target.db)).toEqual(before);
      // The restored database is usable as is: migrations are recorded, writes work.
      expect(await migrateToLatest(target.db)).toEqual([]);
      await target.db.updateTable("organizations").set({ name: "Writable" }).execute();
    } finally {
      await target.close();
    }
  });

  it("refuses to overwrite an existing backup and to restore something that is not a backup", async () => {
    const existing = join(folder, "exists.dump");
    writeFileSync(existing, "not a database");
    await expect(cli("backup", sourceUrl, existing)).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists/),
    });
    const targetUrl = await freshDatabaseUrl("refused");
    await expect(cli("restore", targetUrl, existing)).rejects.toMatchObject({ code: 1 });
  });
});
