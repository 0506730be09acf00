/**
 * E-mail attachments into the attachment store: the same checks as portal uploads (type by content,
 * safe name, size per file) through `storeAttachment`, and the per-message limits applied in mail
 * order. What does not fit is refused, never an error: the mail itself is still taken.
 */
import { attachmentLimits } from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { Attachment, Database, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import type { AttachmentStorage } from "./storage.ts";
import { deleteAttachments, storeAttachment } from "./upload.ts";

/** An attachment as a mail carries it. */
export interface MailFile {
  readonly filename: string;
  readonly content: Uint8Array;
}

/** Why `storeAttachment` refuses a file (as opposed to failing): the file is reported, not kept. */
const refusals = new Set(["unsupported-attachment-type", "attachment-too-large"]);

/**
 * Stores a mail's files as pending attachments of `uploader`, in order: each is kept if its type is
 * allowed, it is within the per-file limit, and it still fits the message's count and total; the
 * others are returned as refused. On a storage failure, what was stored is deleted and the error
 * thrown.
 * @example const { kept, refused } = await storeMailAttachments({ db, storage }, user, mail.attachments, now)
 */
export async function storeMailAttachments<F extends MailFile>(
  deps: { db: Kysely<Database>; storage: AttachmentStorage },
  uploader: User,
  files: readonly F[],
  now: Date,
): Promise<{ kept: Attachment[]; refused: F[] }> {
  const kept: Attachment[] = [];
  const refused: F[] = [];
  let total = 0;
  try {
    for (const file of files) {
      if (
        kept.length >= attachmentLimits.maxFilesPerMessage ||
        total + file.content.length > attachmentLimits.maxMessageBytes
      ) {
        refused.push(file);
        continue;
      }
      try {
        const row = await storeAttachment(
          deps,
          uploader,
          { fileName: file.filename, content: [file.content], size: file.content.length },
          // One millisecond apart: messages list their files by time (mail order), and ids are random.
          new Date(now.getTime() + kept.length),
        );
        kept.push(row);
        total += row.size;
      } catch (error) {
        if (!(error instanceof Problem && refusals.has(error.code))) throw error;
        refused.push(file);
      }
    }
  } catch (error) {
    await deleteAttachments(deps.db, deps.storage, kept);
    throw error;
  }
  return { kept, refused };
}
