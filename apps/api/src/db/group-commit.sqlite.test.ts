// Group commit on the embedded engine: concurrent transactions share COMMITs, yet each one's commit
// resolves only once its rows are durable and visible to another connection.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSqliteDialect } from "./sqlite-dialect.ts";

interface Db {
  t: { id: number; v: string };
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "cirrus-group-commit-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function open(name: string) {
  const path = join(folder, name);
  const database = new DatabaseSync(path);
  database.exec(
    "pragma journal_mode = wal; pragma synchronous = full; create table t (id integer primary key, v text not null)",
  );
  // Count the COMMITs the driver sends: observing the real database, not replacing it.
  let commits = 0;
  const exec = database.exec.bind(database);
  database.exec = (text: string) => {
    if (/^\s*commit\s*$/i.test(text)) commits++;
    exec(text);
  };
  const db = new Kysely<Db>({ dialect: new NodeSqliteDialect({ database }) });
  const reader = new DatabaseSync(path, { readOnly: true });
  return { db, reader, commits: () => commits };
}

describe("group commit", () => {
  it("commits many concurrent transactions with fewer COMMITs, each visible elsewhere once acknowledged", async () => {
    const { db, reader, commits } = await open("many.sqlite");
    const invisibleAtAck: number[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto("t")
              .values({ id: i, v: `row ${i}` })
              .execute();
            await new Promise((resolve) => setTimeout(resolve, i % 3));
            await trx
              .updateTable("t")
              .set({ v: `row ${i}!` })
              .where("id", "=", i)
              .execute();
          })
          .then(() => {
            // Acknowledged: another connection must see it now.
            const row = reader.prepare("select v from t where id = ?").get(i);
            if (row?.v !== `row ${i}!`) invisibleAtAck.push(i);
          }),
      ),
    );
    expect(invisibleAtAck).toEqual([]);
    expect(commits()).toBeGreaterThan(0);
    expect(commits()).toBeLessThan(60);
    await db.destroy();
    reader.close();
  });

  it("rolls back a failing member alone and keeps the others", async () => {
    const { db, reader } = await open("failing.sqlite");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto("t").values({ id: i, v: "kept" }).execute();
          if (i % 4 === 0) throw new Error(`member ${i} fails`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(5);
    const ids = reader
      .prepare("select id from t order by id")
      .all()
      .map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 4 !== 0));
    await db.destroy();
    reader.close();
  });

  it("commits the open group before a write outside any transaction", async () => {
    const { db, reader } = await open("mixed.sqlite");
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto("t").values({ id: i, v: "tx" }).execute();
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        db
          .insertInto("t")
          .values({ id: 100 + i, v: "autocommit" })
          .execute()
          .then(() => {
            expect(reader.prepare("select v from t where id = ?").get(100 + i)?.v).toBe("autocommit");
          }),
      ),
    ]);
    expect(reader.prepare("select count(*) as n from t").get()?.n).toBe(20);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(rows[0]?.n).toBe(20);
    await db.destroy();
    reader.close();
  });

  it("a lone transaction commits at once", async () => {
    const { db, reader, commits } = await open("lone.sqlite");
    await db.transaction().execute((trx) => trx.insertInto("t").values({ id: 1, v: "alone" }).execute());
    expect(commits()).toBe(1);
    expect(reader.prepare("select v from t where id = 1").get()?.v).toBe("alone");
    await db.destroy();
    reader.close();
  });
});
