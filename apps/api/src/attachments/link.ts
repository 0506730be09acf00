/**
 * Attaching uploaded files to a message, inside the message's own transaction; and clearing out
 * uploads never sent.
 */
import { attachmentLimits } from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { Database, Db, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import type { AttachmentStorage } from "./storage.ts";
import { deleteAttachments } from "./upload.ts";

/** Pending uploads older than this are deleted: the person gave up on the message. */
export const pendingAttachmentLifetimeMs = 24 * 60 * 60 * 1000;

/**
 * Claims the uploader's pending files for a message: each must be theirs, stored and not yet
 * attached; together within the per-message limits.
 * @throws Problem 422 (unknown id), 413 (over the per-message total), 409 (claimed meanwhile)
 */
export async function linkAttachments(
  trx: Db,
  ids: readonly string[] | undefined,
  uploader: User,
  target: { requestId: string; messageId: string },
): Promise<void> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return;
  if (unique.length > attachmentLimits.maxFilesPerMessage) throw new Problem("too-many-attachments");
  const rows = await trx
    .selectFrom("attachments")
    .select(["id", "size"])
    .where("id", "in", unique)
    .where("uploaderId", "=", uploader.id)
    .where("status", "=", "stored")
    .where("messageId", "is", null)
    .execute();
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new Problem("validation-failed", {
      extra: {
        errors: unique
          .filter((id) => !found.has(id))
          .map((id) => ({ field: "attachmentIds", code: "not-found", message: `Unknown attachment ${id}.` })),
      },
    });
  }
  if (rows.reduce((sum, r) => sum + r.size, 0) > attachmentLimits.maxMessageBytes)
    throw new Problem("attachments-too-large");
  const result = await trx
    .updateTable("attachments")
    .set({ requestId: target.requestId, messageId: target.messageId })
    .where("id", "in", unique)
    .where("messageId", "is", null)
    .executeTakeFirst();
  // Another message claimed one of them between the read and the write (PostgreSQL re-checks).
  if (Number(result.numUpdatedRows) !== unique.length) throw new Problem("conflict");
}

/** Deletes pending uploads (and half-written ones) older than their lifetime; returns how many. */
export async function deleteStaleUploads(
  db: Kysely<Database>,
  storage: AttachmentStorage,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - pendingAttachmentLifetimeMs).toISOString();
  const stale = await db
    .selectFrom("attachments")
    .select(["id", "storage"])
    .where("messageId", "is", null)
    .where("createdAt", "<", before)
    .limit(500)
    .execute();
  await deleteAttachments(db, storage, stale);
  return stale.length;
}
