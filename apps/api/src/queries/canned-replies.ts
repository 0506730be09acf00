/** Reads of canned replies (the texts agents insert into their answers) and their public shape. */
import type { CannedReply, Db } from "../db/schema.ts";
import { Problem } from "../problems.ts";

/** A canned reply as staff see it. */
export function presentCannedReply(row: CannedReply) {
  return { id: row.id, title: row.title, body: row.body, locale: row.locale, updatedAt: row.updatedAt };
}

/**
 * Titles in French alphabetical order (accents and case folded, numbers by value), then id. Sorted
 * here rather than in SQL because the engines collate text differently (SQLite by code point,
 * PostgreSQL by the server's locale); the list is short (tens of texts), so it is read whole.
 */
const byTitle = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** Every canned reply, ordered by title. */
export async function listCannedReplies(db: Db) {
  const rows = await db.selectFrom("cannedReplies").selectAll().execute();
  rows.sort((a, b) => byTitle.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: rows.map(presentCannedReply) };
}

/** The canned reply row, or a `not-found` problem. */
export async function findCannedReply(db: Db, id: string): Promise<CannedReply> {
  const row = await db.selectFrom("cannedReplies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new Problem("not-found");
  return row;
}
