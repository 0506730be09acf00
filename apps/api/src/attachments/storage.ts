/**
 * Where attachment content lives, behind one small interface with two implementations: the database
 * (default: the embedded install and its backup stay one file) and a folder on disk (for large
 * volumes on PostgreSQL, or to keep blobs out of the database). Both stream: content is written and
 * read a chunk at a time, never held whole in memory.
 *
 * Each attachment row records which storage holds it, so changing `ATTACHMENT_STORAGE` later keeps
 * older files readable.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { Attachment, Database } from "../db/schema.ts";

export type StorageKind = Attachment["storage"];

/** One place to keep content. `id` is an attachment id (our own, URL-safe, never user input). */
export interface ContentStore {
  /** Stores the content, consuming `chunks` in order; fails (and keeps nothing) if they throw. */
  write(id: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
  /** The content, chunk after chunk. */
  read(id: string): AsyncIterable<Uint8Array>;
  /** Deletes the content; no error when there is none. */
  remove(id: string): Promise<void>;
}

/** The stores an app writes to and reads from. */
export interface AttachmentStorage {
  /** Where new files go. */
  readonly kind: StorageKind;
  store(kind: StorageKind): ContentStore;
}

/** Rows of at most this many bytes: few rows per file, small enough not to hold the writer long. */
const chunkBytes = 256 * 1024;

/** Regroups a stream's (often 64 kB) pieces into `size`-byte chunks, the last one shorter. */
async function* rechunk(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const piece of chunks) {
    let rest = piece;
    while (pendingBytes + rest.length >= size) {
      const take = size - pendingBytes;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending);
      rest = rest.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (rest.length > 0) {
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/**
 * Content in the `attachmentChunks` table. Each chunk is its own short write, so an upload never
 * holds the database's write lock while it waits for the network.
 */
export function databaseStore(db: Kysely<Database>): ContentStore {
  return {
    async write(id, chunks) {
      let seq = 0;
      try {
        for await (const data of rechunk(chunks, chunkBytes)) {
          await db.insertInto("attachmentChunks").values({ attachmentId: id, seq, data }).execute();
          seq++;
        }
      } catch (error) {
        await db.deleteFrom("attachmentChunks").where("attachmentId", "=", id).execute();
        throw error;
      }
    },
    async *read(id) {
      // One chunk per query (keyset on seq): memory stays at one chunk whatever the file's size.
      for (let seq = 0; ; seq++) {
        const row = await db
          .selectFrom("attachmentChunks")
          .select("data")
          .where("attachmentId", "=", id)
          .where("seq", "=", seq)
          .executeTakeFirst();
        if (!row) return;
        yield row.data;
      }
    },
    async remove(id) {
      await db.deleteFrom("attachmentChunks").where("attachmentId", "=", id).execute();
    },
  };
}

/** Content as files named by attachment id in `folder`, written to a temporary name then renamed. */
export function diskStore(folder: string): ContentStore {
  const pathOf = (id: string) => {
    // Ids are ours, but a path is built from them: refuse anything that is not a plain name.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`not an attachment id: ${id}`);
    return join(folder, id);
  };
  return {
    async write(id, chunks) {
      await mkdir(folder, { recursive: true });
      const target = pathOf(id);
      const partial = `${target}.partial`;
      try {
        await pipeline(Readable.from(chunks), createWriteStream(partial, { flags: "wx" }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async *read(id) {
      yield* createReadStream(pathOf(id), { highWaterMark: chunkBytes });
    },
    async remove(id) {
      await rm(pathOf(id), { force: true });
    },
  };
}

/**
 * The app's attachment storage: writes go to `kind`; reads follow each row's own storage.
 * @example attachmentStorage(db, { kind: "disk", folder: "/var/lib/cirrus/attachments" })
 */
export function attachmentStorage(
  db: Kysely<Database>,
  options: { kind: StorageKind; folder: string },
): AttachmentStorage {
  const stores: Record<StorageKind, ContentStore> = {
    database: databaseStore(db),
    disk: diskStore(options.folder),
  };
  return { kind: options.kind, store: (kind) => stores[kind] };
}
