/** Files for attachment tests: real PNG bytes, multipart forms, and attachments stored directly. */
import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { newId } from "../db/ids.ts";
import type { Attachment, User } from "../db/schema.ts";
import type { TestApp } from "./app.ts";

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A valid, viewable PNG of `side`×`side` random-coloured pixels (random, so it does not compress:
 * a 1,000-pixel side is about 3 MB). `extraBytes` appends an ignored chunk to reach a given size.
 */
export function pngBytes(side: number, extraBytes = 0): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) rows.push(Buffer.concat([Buffer.from([0]), randomBytes(side * 3)]));
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 0 })),
  ];
  if (extraBytes > 0) parts.push(chunk("teXt", Buffer.alloc(extraBytes, 0x61)));
  parts.push(chunk("IEND", new Uint8Array()));
  return new Uint8Array(Buffer.concat(parts));
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A multipart form with `files` parts. */
export function uploadForm(files: readonly { name: string; bytes: Uint8Array; type?: string }[]): FormData {
  const form = new FormData();
  for (const file of files) {
    form.append(
      "files",
      new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
  }
  return form;
}

/** Stores a small PNG attachment directly (no HTTP), attached to `target` or pending. */
export async function storeTestAttachment(
  t: Pick<TestApp, "db" | "attachments" | "clock">,
  uploader: User,
  target: { requestId: string; messageId: string } | null,
  bytes: Uint8Array = pngBytes(8),
): Promise<Attachment> {
  const row: Attachment = {
    id: newId(),
    uploaderId: uploader.id,
    requestId: target?.requestId ?? null,
    messageId: target?.messageId ?? null,
    name: "capture.png",
    mediaType: "image/png",
    size: bytes.length,
    sha256: sha256(bytes),
    storage: t.attachments.kind,
    status: "stored",
    createdAt: t.clock.now().toISOString(),
  };
  await t.db.insertInto("attachments").values(row).execute();
  await t.attachments.store(row.storage).write(row.id, [bytes]);
  return row;
}
