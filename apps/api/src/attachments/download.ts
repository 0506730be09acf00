/**
 * Serving a file: found only where the caller may see the message it belongs to, streamed from its
 * storage, always with `nosniff` and a sandboxing CSP; raster images may be shown inline (thumbnails),
 * everything else is a download.
 */

import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { attachmentTypeByMediaType, attachmentTypes, isStaff } from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { Attachment, Database, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import type { AttachmentStorage } from "./storage.ts";

/**
 * The attachment if `viewer` may see it, else a 404 (never 403: ids of others' files stay unknown).
 * Pending: its uploader only. Attached: staff, or the request's organization for a public message.
 */
export async function findVisibleAttachment(
  db: Kysely<Database>,
  id: string,
  viewer: User,
): Promise<Attachment> {
  const row = await db
    .selectFrom("attachments")
    .leftJoin("messages", "messages.id", "attachments.messageId")
    .leftJoin("requests", "requests.id", "attachments.requestId")
    .selectAll("attachments")
    .select(["messages.visibility", "requests.organizationId"])
    .where("attachments.id", "=", id)
    .where("attachments.status", "=", "stored")
    .executeTakeFirst();
  if (!row) throw new Problem("not-found");
  const { visibility, organizationId, ...attachment } = row;
  const visible =
    attachment.messageId === null
      ? attachment.uploaderId === viewer.id
      : isStaff(viewer.role) ||
        (visibility === "public" && organizationId !== null && organizationId === viewer.organizationId);
  if (!visible) throw new Problem("not-found");
  return attachment;
}

/** Whether a stored media type may be rendered by the browser (an `<img>` thumbnail). */
export function isInlineImage(mediaType: string): boolean {
  const id = attachmentTypeByMediaType(mediaType);
  return id !== undefined && attachmentTypes[id].display === "image";
}

/**
 * `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187).
 * @example contentDisposition("attachment", "écran.png") // attachment; filename="_cran.png"; filename*=UTF-8''%C3%A9cran.png
 */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  // Everything outside printable ASCII becomes "_" in the fallback name.
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The response headers of a download. */
export function downloadHeaders(attachment: Attachment, wantsInline: boolean): Record<string, string> {
  const inline = wantsInline && isInlineImage(attachment.mediaType);
  const textual = attachment.mediaType.startsWith("text/") || attachment.mediaType === "application/json";
  return {
    "content-type": textual ? `${attachment.mediaType}; charset=utf-8` : attachment.mediaType,
    "content-length": String(attachment.size),
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", attachment.name),
    "x-content-type-options": "nosniff",
    // Even if a browser rendered it, nothing could run or load: no scripts, no plugins, no requests.
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    // Content never changes for an id; who may see it can, so revalidate every time (ETag → 304).
    "cache-control": "private, no-cache",
    etag: `"${attachment.sha256}"`,
    // RFC 9530: lets a client check the bytes it received.
    "repr-digest": `sha-256=:${Buffer.from(attachment.sha256, "hex").toString("base64")}:`,
  };
}

/** The file's content as a web stream, read chunk by chunk from its storage. */
export function contentStream(
  storage: AttachmentStorage,
  attachment: Attachment,
): ReadableStream<Uint8Array> {
  // node:stream/web's ReadableStream is the global one; only its type has `from` (the DOM lib's lacks it).
  return NodeReadableStream.from(
    storage.store(attachment.storage).read(attachment.id),
  ) as ReadableStream<Uint8Array>;
}
