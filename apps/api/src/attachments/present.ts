/** An attachment as the API shows it. */
import type { Attachment } from "../db/schema.ts";
import { isInlineImage } from "./download.ts";

export function presentAttachment(row: Attachment) {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    inline: isInlineImage(row.mediaType),
    createdAt: row.createdAt,
  };
}
