// What only the embedded engine has: the node:sqlite driver, its pragmas, and backups with VACUUM INTO.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { CompiledQuery, type Generated, Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import { backupSqlite, type OpenedDatabase, openDatabase } from "./connect.ts";
import { isDatabaseUnavailable } from "./errors.ts";
import { migrateToLatest } from "./migrate.ts";
import { NodeSqliteDialect, NodeSqliteDriver } from "./sqlite-dialect.ts";

let opened: OpenedDatabase;
let folder: string;

beforeAll(async () => {
  opened = await createTestDatabase();
  folder = mkdtempSync(join(tmpdir(), "cirrus-sqlite-test-"));
});
afterAll(async () => {
  await opened?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("openDatabase on SQLite", () => {
  it("is the sqlite engine", () => {
    expect(opened.engine).toBe("sqlite");
  });

  it("sets the durability pragmas", async () => {
    const pragma = async (name: string) => {
      const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(opened.db);
      return Object.values(rows[0] ?? {})[0];
    };
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("synchronous")).toBe(2); // FULL
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await pragma("busy_timeout")).toBe(5000);
  });

  it("creates the parent folders of a new file, and accepts file: URLs", async () => {
    const path = join(folder, "nested", "deeper", "app.sqlite");
    const byUrl = await openDatabase(new URL(`file://${path}`).href);
    await byUrl.close();
    expect(existsSync(path)).toBe(true);
  });

  it("reports a database still locked after busy_timeout as unavailable", async () => {
    const path = join(folder, "locked.sqlite");
    const app = await openDatabase(path);
    const other = new DatabaseSync(path);
    try {
      await sql`pragma busy_timeout = 50`.execute(app.db);
      await migrateToLatest(app.db);
      other.exec("begin immediate");
      const error = await app.db
        .insertInto("counters")
        .values({ name: "locked", value: 1 })
        .execute()
        .catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      other.close();
      await app.close();
    }
  });

  it("waits for another connection's write lock on timers, so this process keeps running", async () => {
    const path = join(folder, "shared.sqlite");
    const app = await openDatabase(path);
    await migrateToLatest(app.db);
    // Another process would hold the lock this way; here a second connection of this thread does,
    // so SQLite's own busy handler (sleeping in this thread) could never see it released in time.
    const other = new DatabaseSync(path);
    try {
      other.exec("begin immediate");
      const inTransaction = app.db
        .transaction()
        .execute((trx) => trx.insertInto("counters").values({ name: "in-transaction", value: 1 }).execute());
      const alone = app.db.insertInto("counters").values({ name: "alone", value: 2 }).execute();
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      await new Promise((resolve) => setTimeout(resolve, 200));
      clearInterval(ticker);
      other.exec("commit");
      await Promise.all([inTransaction, alone]);
      expect(ticks).toBeGreaterThan(10);
      const names = await app.db
        .selectFrom("counters")
        .select("name")
        .where("name", "in", ["in-transaction", "alone"])
        .execute();
      expect(names.map((r) => r.name).sort()).toEqual(["alone", "in-transaction"]);
      // The connection's own busy_timeout is back for everything else.
      const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(app.db);
      expect(Object.values(rows[0] ?? {})[0]).toBe(5000);
    } finally {
      other.close();
      await app.close();
    }
  });

  it("refuses a URL scheme it does not know instead of creating a file named after it", async () => {
    await expect(openDatabase("mysql://localhost/db")).rejects.toThrow(/Unsupported DATABASE_URL scheme/);
  });
});

/** The scratch table the driver tests use. */
interface Scratch {
  t: { id: Generated<number>; flag: number | null; note: string | null; at: string | null };
}

describe("node:sqlite driver", () => {
  async function scratch() {
    const db = new Kysely<Scratch>({
      dialect: new NodeSqliteDialect({ database: new DatabaseSync(":memory:") }),
    });
    await sql`create table t (id integer primary key, flag integer, note text, at text)`.execute(db);
    return db;
  }

  it("reports affected rows and the inserted rowid as bigints", async () => {
    const db = await scratch();
    const inserted = await db.insertInto("t").values({ note: "a" }).executeTakeFirstOrThrow();
    expect(inserted.insertId).toBe(1n);
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    await db.insertInto("t").values({ note: "b" }).execute();
    const updated = await db.updateTable("t").set({ note: "c" }).executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    await db.destroy();
  });

  it("returns rows from statements with a result, including insert … returning", async () => {
    const db = await scratch();
    const row = await db
      .insertInto("t")
      .values({ note: "r" })
      .returning(["id", "note"])
      .executeTakeFirstOrThrow();
    expect(row).toStrictEqual({ id: 1, note: "r" });
    await db.destroy();
  });

  it("builds plain rows keyed by column name, the last of a repeated name winning", async () => {
    const db = await scratch();
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(`select 1 as a, 'two' as "b c", 3 as a, null as "it's"`),
    );
    expect(rows).toStrictEqual([{ a: 3, "b c": "two", "it's": null }]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    await expect(db.executeQuery(CompiledQuery.raw(`select 1 as "__proto__"`))).rejects.toThrow(/__proto__/);
    await db.destroy();
  });

  it("binds booleans as 1/0, undefined as null and Dates as ISO text", async () => {
    const db = await scratch();
    const at = new Date("2026-11-26T09:00:00.000Z");
    await db.executeQuery(
      CompiledQuery.raw("insert into t (flag, note, at) values (?, ?, ?)", [true, undefined, at]),
    );
    await db.executeQuery(CompiledQuery.raw("insert into t (flag) values (?)", [false]));
    const rows = await db.selectFrom("t").select(["flag", "note", "at"]).orderBy("id").execute();
    expect(rows).toEqual([
      { flag: 1, note: null, at: "2026-11-26T09:00:00.000Z" },
      { flag: 0, note: null, at: null },
    ]);
    await db.destroy();
  });

  it("refuses to bind a plain object, with a message that says what to do", async () => {
    const db = await scratch();
    await expect(
      db
        .insertInto("t")
        // The mistake under test: an object where text belongs.
        .values({ note: { a: 1 } as unknown as string })
        .execute(),
    ).rejects.toThrow(/JSON\.stringify/);
    await db.destroy();
  });

  it("reuses prepared statements and stays correct past the cache size", async () => {
    const db = new Kysely<Scratch>({
      dialect: new NodeSqliteDialect({ database: new DatabaseSync(":memory:"), statementCacheSize: 2 }),
    });
    for (let round = 0; round < 3; round++) {
      for (const n of [1, 2, 3, 4]) {
        const { rows } = await sql<{ v: number }>`select ${sql.raw(String(n))} + ${round} as v`.execute(db);
        expect(rows).toEqual([{ v: n + round }]);
      }
    }
    await db.destroy();
  });

  it("streams rows in chunks", async () => {
    const db = await scratch();
    await db
      .insertInto("t")
      .values(Array.from({ length: 25 }, (_, i) => ({ note: `n${i}` })))
      .execute();
    const notes: (string | null)[] = [];
    for await (const row of db.selectFrom("t").select("note").orderBy("id").stream(10)) notes.push(row.note);
    expect(notes).toHaveLength(25);
    expect(notes[24]).toBe("n24");
    await db.destroy();
  });

  it("hands its one connection to a second caller only after the first releases it", async () => {
    const driver = new NodeSqliteDriver({ database: new DatabaseSync(":memory:") });
    await driver.init();
    const first = await driver.acquireConnection();
    let secondAcquired = false;
    const second = driver.acquireConnection().then((connection) => {
      secondAcquired = true;
      return connection;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondAcquired).toBe(false);
    await driver.releaseConnection(first);
    const lease = await second;
    expect(secondAcquired).toBe(true);
    await driver.releaseConnection(lease);
    await driver.destroy();
  });

  it("keeps concurrent transactions apart: 50 read-then-increment transactions end at 50", async () => {
    const db = await scratch();
    await db.insertInto("t").values({ id: 1, flag: 0 }).execute();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction().execute(async (trx) => {
          const { flag } = await trx
            .selectFrom("t")
            .select("flag")
            .where("id", "=", 1)
            .executeTakeFirstOrThrow();
          await new Promise((resolve) => setTimeout(resolve, 1));
          await trx
            .updateTable("t")
            .set({ flag: (flag ?? 0) + 1 })
            .where("id", "=", 1)
            .execute();
        }),
      ),
    );
    const { flag } = await db.selectFrom("t").select("flag").where("id", "=", 1).executeTakeFirstOrThrow();
    expect(flag).toBe(50);
    await db.destroy();
  });
});

describe("backupSqlite", () => {
  it("writes a consistent copy that opens and holds the data", async () => {
    await opened.db.insertInto("counters").values({ name: "backed-up", value: 42 }).execute();
    const target = join(folder, "backups", "copy.sqlite");
    await backupSqlite(opened.db, target);
    const copy = new DatabaseSync(target, { readOnly: true });
    try {
      expect(copy.prepare("pragma integrity_check").get()).toEqual({ integrity_check: "ok" });
      expect(copy.prepare(`select "value" from "counters" where "name" = 'backed-up'`).get()).toEqual({
        value: 42,
      });
    } finally {
      copy.close();
    }
  });

  it("refuses to overwrite an existing file", async () => {
    const target = join(folder, "twice.sqlite");
    await backupSqlite(opened.db, target);
    await expect(backupSqlite(opened.db, target)).rejects.toThrow(/already exists/);
  });
});
