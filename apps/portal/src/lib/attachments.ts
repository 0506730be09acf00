/**
 * Attachments in the portal: what a draft keeps of files already uploaded, the labels shown for a
 * file, and the portal URLs that serve them (through the API, with the viewer's session).
 */
import {
  attachmentTypeByMediaType,
  attachmentTypes,
  formatFileSize,
  type Locale,
  localize,
} from "@cirrus/domain";
import type { AstroGlobal } from "astro";
import { callerOf } from "./auth.ts";
import { readForm } from "./forms.ts";
import type { Attachment } from "./requests.ts";
import { checkedIds, filesField, isMultipart, readPostedForm } from "./uploads.ts";

/** A file uploaded for a draft that was not sent yet (the form shows it, checked, to keep). */
export interface KeptFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
}

/** Hidden field carrying a kept file's description (display only: the API checks the ids). */
export const keptFileField = "attachmentFile";

/**
 * Files the posted form keeps (checked boxes), with their descriptions.
 * @example keptFiles(form) // [{ id: "…", name: "capture.png", size: 1234, mediaType: "image/png" }]
 */
export function keptFiles(fields: FormData): KeptFile[] {
  const checked = new Set(checkedIds(fields));
  const files: KeptFile[] = [];
  for (const raw of fields.getAll(keptFileField)) {
    if (typeof raw !== "string" || raw.length > 2000) continue;
    try {
      const value = JSON.parse(raw) as Partial<KeptFile>;
      if (
        typeof value.id === "string" &&
        checked.has(value.id) &&
        typeof value.name === "string" &&
        typeof value.size === "number" &&
        typeof value.mediaType === "string" &&
        !files.some((f) => f.id === value.id)
      ) {
        files.push({
          id: value.id,
          name: value.name.slice(0, 200),
          size: value.size,
          mediaType: value.mediaType,
        });
      }
    } catch {
      // not ours: ignore
    }
  }
  return files;
}

/** What a kept file is, from an uploaded attachment. */
export function toKept(attachment: Attachment): KeptFile {
  return { id: attachment.id, name: attachment.name, size: attachment.size, mediaType: attachment.mediaType };
}

/** "Image PNG · 1,2 Mo" */
export function fileDescription(file: { mediaType: string; size: number }, locale: Locale): string {
  const type = attachmentTypeByMediaType(file.mediaType);
  const label = type ? localize(attachmentTypes[type].label, locale) : file.mediaType;
  return `${label} · ${formatFileSize(file.size, locale)}`;
}

/** The portal URL of a file (download), or of its inline image (thumbnail). */
export function attachmentUrl(id: string, inline = false): string {
  return `/attachments/${encodeURIComponent(id)}${inline ? "?inline=1" : ""}`;
}

/** A posted message form: its text fields, the files it carries (kept and new), the refusals. */
export interface MessagePost {
  readonly form: FormData;
  readonly files: readonly KeptFile[];
  /** One sentence per refused file; when any, the message is not sent (the form comes back). */
  readonly refused: readonly string[];
}

/**
 * Reads a message form, uploading its new files to the API as they stream in (lib/uploads.ts).
 * @example const post = await readMessagePost(Astro)
 */
export async function readMessagePost(
  astro: Pick<AstroGlobal, "locals" | "request" | "clientAddress">,
): Promise<MessagePost> {
  if (!isMultipart(astro.request)) {
    const form = await readForm(astro.request);
    return { form, files: keptFiles(form), refused: [] };
  }
  const posted = await readPostedForm(astro.request, callerOf(astro));
  return {
    form: posted.fields,
    files: [...keptFiles(posted.fields), ...posted.uploaded.map(toKept)],
    refused: posted.refused,
  };
}

/** The field error for refused files (one sentence each). */
export function filesError(post: MessagePost): Record<string, string | undefined> {
  return { [filesField]: post.refused.length > 0 ? post.refused.join(" ") : undefined };
}
