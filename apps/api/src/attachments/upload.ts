/**
 * Receiving files: each part of a multipart upload (and each e-mail attachment, through the same
 * `storeAttachment`) is named safely, recognised by its content (magic bytes) against the domain's
 * allow-list, size-checked while it streams, hashed, and stored. A refused upload keeps nothing.
 * Stored files are pending until a message claims them (link.ts).
 */
import { createHash } from "node:crypto";
import {
  attachmentLimits,
  attachmentTypes,
  detectAttachmentType,
  extensionOf,
  sanitizeFileName,
  sniffBytes,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import { newId } from "../db/ids.ts";
import type { Attachment, Database, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { type FilePart, fileParts, MultipartError } from "./multipart.ts";
import type { AttachmentStorage } from "./storage.ts";

/** Multipart framing around the files (boundaries, part headers): room over the files' own limit. */
const framingAllowance = 1024 * 1024;
/** The whole body may carry one message's worth of files. */
export const maxUploadBodyBytes = attachmentLimits.maxMessageBytes + framingAllowance;

/** Pending (not yet sent) files one person may hold: a few messages' worth, then 429. */
export const maxPendingPerUploader = 4 * attachmentLimits.maxFilesPerMessage;

/** A file to store, whatever it came from (a multipart part, an e-mail attachment). */
export interface IncomingFile {
  /** The name the sender gave it (sanitized here, never trusted). */
  readonly fileName: string;
  /** Its content, in order. */
  readonly content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Its size when known before reading (an e-mail attachment): over the limit, nothing is written. */
  readonly size?: number;
  /** Whether the source cut the content at the file size limit (busboy says so only at the end). */
  readonly truncated?: () => boolean;
}

/** The first `sniffBytes` of a stream (fewer if it is shorter), and the stream to read the rest from. */
async function readHead(
  content: IncomingFile["content"],
): Promise<{ head: Uint8Array; rest: AsyncIterator<Uint8Array> | Iterator<Uint8Array> }> {
  const iterator =
    Symbol.asyncIterator in content ? content[Symbol.asyncIterator]() : content[Symbol.iterator]();
  const pieces: Uint8Array[] = [];
  let length = 0;
  while (length < sniffBytes) {
    const { value, done } = await iterator.next();
    if (done) break;
    pieces.push(value);
    length += value.length;
  }
  return { head: Buffer.concat(pieces), rest: iterator };
}

/** A (sanitized) name whose extension matches the detected type, so the file opens with the right program. */
function withTypeExtension(name: string, typeExtensions: readonly string[]): string {
  return typeExtensions.includes(extensionOf(name)) ? name : `${name}.${typeExtensions[0]}`;
}

/**
 * Stores one file as a pending attachment of `uploader`: named safely, recognised by its content,
 * size-checked while it streams, hashed. The one check portal uploads and e-mail attachments share.
 * @throws Problem 415 (type refused, empty file) or 413 (over the per-file limit), keeping nothing
 * @example await storeAttachment({ db, storage }, user, { fileName: "capture.png", content: [bytes] }, now)
 */
export async function storeAttachment(
  deps: { db: Kysely<Database>; storage: AttachmentStorage },
  uploader: User,
  file: IncomingFile,
  now: Date,
): Promise<Attachment> {
  const { db, storage } = deps;
  const truncated = file.truncated ?? (() => false);
  const { head, rest } = await readHead(file.content);
  const typeId = detectAttachmentType(head, file.fileName);
  const original = sanitizeFileName(file.fileName);
  if (!typeId) throw new Problem("unsupported-attachment-type", { extra: { file: original } });
  if (file.size !== undefined && file.size > attachmentLimits.maxFileBytes)
    throw new Problem("attachment-too-large", { extra: { file: original } });
  const type = attachmentTypes[typeId];
  const row: Attachment = {
    id: newId(),
    uploaderId: uploader.id,
    requestId: null,
    messageId: null,
    name: withTypeExtension(original, type.extensions),
    mediaType: type.mediaType,
    size: 0,
    sha256: "",
    storage: storage.kind,
    status: "uploading",
    createdAt: now.toISOString(),
  };
  await db.insertInto("attachments").values(row).execute();

  const hash = createHash("sha256");
  let size = 0;
  const counted = async function* () {
    let piece: Uint8Array | undefined = head;
    while (piece) {
      size += piece.length;
      if (size > attachmentLimits.maxFileBytes || truncated()) {
        throw new Problem("attachment-too-large", { extra: { file: original } });
      }
      hash.update(piece);
      yield piece;
      const next = await rest.next();
      piece = next.done ? undefined : next.value;
    }
    if (truncated()) throw new Problem("attachment-too-large", { extra: { file: original } });
  };
  const store = storage.store(row.storage);
  try {
    await store.write(row.id, counted());
    if (size === 0) throw new Problem("unsupported-attachment-type", { extra: { file: original } });
  } catch (error) {
    await store.remove(row.id);
    await db.deleteFrom("attachments").where("id", "=", row.id).execute();
    throw error;
  }
  const stored = { ...row, size, sha256: hash.digest("hex"), status: "stored" as const };
  await db
    .updateTable("attachments")
    .set({ size: stored.size, sha256: stored.sha256, status: stored.status })
    .where("id", "=", row.id)
    .execute();
  return stored;
}

/** A part's content; a broken body (cut short, bad framing) is the client's error, not ours. */
async function* partContent(part: FilePart): AsyncGenerator<Uint8Array> {
  const iterator = part.content[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  while (true) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw error instanceof MultipartError ? error : new MultipartError("malformed");
    }
    if (next.done) return;
    yield next.value;
  }
}

/** An upload's part as a file to store. */
function partFile(part: FilePart): IncomingFile {
  return {
    fileName: part.fileName,
    content: partContent(part),
    // busboy marks a part cut at its fileSize limit only once it ends.
    truncated: () => part.content.truncated,
  };
}

/** Deletes attachments and their content (pending uploads given up, a failed batch). */
export async function deleteAttachments(
  db: Kysely<Database>,
  storage: AttachmentStorage,
  rows: readonly Pick<Attachment, "id" | "storage">[],
): Promise<void> {
  for (const row of rows) {
    await storage.store(row.storage).remove(row.id);
    await db.deleteFrom("attachments").where("id", "=", row.id).execute();
  }
}

/**
 * Receives an upload of up to 5 files (one message's worth): all are stored, or none.
 * @throws Problem 413 (file or total too large), 415 (type refused / not multipart), 422 (no file,
 *   too many files), 429 (too many pending files)
 */
export async function receiveUpload(
  deps: { db: Kysely<Database>; storage: AttachmentStorage },
  uploader: User,
  body: ReadableStream<Uint8Array> | null,
  contentType: string | undefined,
  now: Date,
): Promise<Attachment[]> {
  const { db, storage } = deps;
  if (!contentType?.toLowerCase().startsWith("multipart/form-data"))
    throw new Problem("unsupported-media-type");
  const pending = await db
    .selectFrom("attachments")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("uploaderId", "=", uploader.id)
    .where("messageId", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(pending.count) >= maxPendingPerUploader) throw new Problem("too-many-pending-attachments");

  const stored: Attachment[] = [];
  let current: FilePart | undefined;
  try {
    for await (const part of fileParts(body, contentType, {
      fileBytes: attachmentLimits.maxFileBytes,
      files: attachmentLimits.maxFilesPerMessage,
      bodyBytes: maxUploadBodyBytes,
    })) {
      current = part;
      // One millisecond apart: messages list their files by time, and ids are random.
      const at = new Date(now.getTime() + stored.length);
      const row = await storeAttachment(deps, uploader, partFile(part), at);
      current = undefined;
      stored.push(row);
      const total = stored.reduce((sum, r) => sum + r.size, 0);
      if (total > attachmentLimits.maxMessageBytes) throw new Problem("attachments-too-large");
    }
    if (stored.length === 0) {
      throw new Problem("validation-failed", {
        extra: { errors: [{ field: "files", code: "required", message: "No file in the upload." }] },
      });
    }
    return stored;
  } catch (error) {
    current?.content.resume();
    await deleteAttachments(db, storage, stored);
    if (error instanceof MultipartError) {
      if (error.reason === "too-large") throw new Problem("attachments-too-large");
      if (error.reason === "too-many-files") throw new Problem("too-many-attachments");
      throw new Problem("bad-request", { detail: "Malformed multipart/form-data body." });
    }
    throw error;
  }
}
