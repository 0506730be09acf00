// Runs work in a transaction, joining the caller's when there is one (so commands compose atomically).
import type { Transaction } from "kysely";
import type { Database, Db } from "./schema.ts";

/**
 * `work` inside `db`'s transaction if `db` already is one, else inside a new transaction: a command
 * called alone commits by itself, and called from another command (inbound mail opening a request
 * and logging the mail) commits or rolls back with it.
 * @example await inTransaction(db, async (trx) => { … })
 */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
