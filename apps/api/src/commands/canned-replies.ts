/** Writes of canned replies: create, change, delete (staff only; enforced by the routes). */
import type { Locale } from "@cirrus/domain";
import { newId } from "../db/ids.ts";
import type { CannedReply, Db, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { findCannedReply } from "../queries/canned-replies.ts";

export interface CannedReplyInput {
  title: string;
  body: string;
  locale: Locale;
}

export async function createCannedReply(
  db: Db,
  author: User,
  input: CannedReplyInput,
  now: Date,
): Promise<CannedReply> {
  const at = now.toISOString();
  const row: CannedReply = {
    id: newId(),
    title: input.title,
    body: input.body,
    locale: input.locale,
    createdBy: author.id,
    createdAt: at,
    updatedAt: at,
  };
  await db.insertInto("cannedReplies").values(row).execute();
  return row;
}

/** Changes the given fields; `updatedAt` moves only when a field is given. */
export async function updateCannedReply(
  db: Db,
  id: string,
  input: Partial<CannedReplyInput>,
  now: Date,
): Promise<CannedReply> {
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(changes).length === 0) return findCannedReply(db, id);
  const row = await db
    .updateTable("cannedReplies")
    .set({ ...changes, updatedAt: now.toISOString() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new Problem("not-found");
  return row;
}

export async function deleteCannedReply(db: Db, id: string): Promise<void> {
  const result = await db.deleteFrom("cannedReplies").where("id", "=", id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new Problem("not-found");
}
