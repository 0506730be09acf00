// Transactions commit, roll back and exclude each other on both engines.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import type { OpenedDatabase } from "./connect.ts";

let opened: OpenedDatabase;

beforeAll(async () => {
  opened = await createTestDatabase();
});
afterAll(() => opened?.close());

async function counter(name: string): Promise<number | undefined> {
  const row = await opened.db
    .selectFrom("counters")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.value;
}

describe("transactions", () => {
  it("commit keeps every write", async () => {
    await opened.db.transaction().execute(async (trx) => {
      await trx.insertInto("counters").values({ name: "committed", value: 1 }).execute();
      await trx.updateTable("counters").set({ value: 2 }).where("name", "=", "committed").execute();
    });
    expect(await counter("committed")).toBe(2);
  });

  it("an error rolls back every write of the transaction", async () => {
    const failure = new Error("handler failed after writing");
    await expect(
      opened.db.transaction().execute(async (trx) => {
        await trx.insertInto("counters").values({ name: "rolled-back", value: 1 }).execute();
        await trx.updateTable("counters").set({ value: 99 }).where("name", "=", "request").execute();
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await counter("rolled-back")).toBeUndefined();
    expect(await counter("request")).toBe(0);
  });

  it("a database error inside the transaction rolls it back and surfaces the error", async () => {
    await expect(
      opened.db.transaction().execute(async (trx) => {
        await trx.insertInto("counters").values({ name: "before-error", value: 1 }).execute();
        await trx.insertInto("counters").values({ name: "before-error", value: 2 }).execute();
      }),
    ).rejects.toThrow();
    expect(await counter("before-error")).toBeUndefined();
  });

  it("rolls back to a savepoint and keeps what came before it", async () => {
    const trx = await opened.db.startTransaction().execute();
    try {
      await trx.insertInto("counters").values({ name: "outer", value: 1 }).execute();
      const inner = await trx.savepoint("inner").execute();
      await inner.insertInto("counters").values({ name: "inner", value: 1 }).execute();
      const outer = await inner.rollbackToSavepoint("inner").execute();
      await outer.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    expect(await counter("outer")).toBe(1);
    expect(await counter("inner")).toBeUndefined();
  });

  it("50 concurrent read-then-increment transactions lose no update", async () => {
    // The pattern a request-number allocation could use. SQLite: the driver hands its single
    // connection to one transaction at a time. PostgreSQL: `for update` locks the row.
    await opened.db.insertInto("counters").values({ name: "concurrent", value: 0 }).execute();
    const { engine } = opened;
    const seen = await Promise.all(
      Array.from({ length: 50 }, () =>
        opened.db.transaction().execute(async (trx) => {
          const { value } = await trx
            .selectFrom("counters")
            .select("value")
            .where("name", "=", "concurrent")
            .$if(engine === "postgres", (query) => query.forUpdate())
            .executeTakeFirstOrThrow();
          // Yield to the event loop between read and write, as real handlers do.
          await new Promise((resolve) => setTimeout(resolve, 1));
          await trx
            .updateTable("counters")
            .set({ value: value + 1 })
            .where("name", "=", "concurrent")
            .execute();
          return value + 1;
        }),
      ),
    );
    expect(await counter("concurrent")).toBe(50);
    expect(new Set(seen).size).toBe(50);
  });

  it("50 concurrent `update … returning` allocations get distinct numbers", async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () =>
        opened.db.transaction().execute(async (trx) => {
          const { value } = await trx
            .updateTable("counters")
            .set((eb) => ({ value: eb("value", "+", 1) }))
            .where("name", "=", "request")
            .returning("value")
            .executeTakeFirstOrThrow();
          return value;
        }),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("reads its own uncommitted writes inside, and the committed row outside", async () => {
    await opened.db.transaction().execute(async (trx) => {
      await trx.insertInto("counters").values({ name: "visible", value: 1 }).execute();
      const inside = await trx.selectFrom("counters").select("value").where("name", "=", "visible").execute();
      expect(inside).toEqual([{ value: 1 }]);
    });
    const { rows } = await sql<{
      value: number;
    }>`select "value" from "counters" where "name" = ${"visible"}`.execute(opened.db);
    expect(rows).toEqual([{ value: 1 }]);
  });
});
