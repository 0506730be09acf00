/**
 * Attachments: the limits of the support offer (files per message, sizes) and the allow-list of
 * file types, recognised by their content (magic bytes), not by their name. Pure functions shared by
 * the API (which enforces them) and the portal (which checks before upload and explains).
 */
import type { Localized } from "./i18n.ts";

const megabyte = 1024 * 1024;

/** Limits per file and per message; the same for customers, agents and e-mail. */
export const attachmentLimits = {
  maxFilesPerMessage: 5,
  maxFileBytes: 10 * megabyte,
  maxMessageBytes: 25 * megabyte,
} as const;

/**
 * How a type may be shown: raster images are safe to render inline (thumbnails); every other type
 * is always served as a download, never rendered by the browser.
 */
export type AttachmentDisplay = "image" | "download";

export interface AttachmentType {
  /** The media type files of this kind are stored and served with. */
  readonly mediaType: string;
  readonly label: Localized;
  /** File name extensions of this type, lower case, for the file picker and for naming. */
  readonly extensions: readonly string[];
  readonly display: AttachmentDisplay;
}

/** The allow-list. Executables, HTML, SVG and scripts are not on it: they are refused. */
export const attachmentTypes = {
  png: {
    mediaType: "image/png",
    label: { fr: "Image PNG", en: "PNG image" },
    extensions: ["png"],
    display: "image",
  },
  jpeg: {
    mediaType: "image/jpeg",
    label: { fr: "Image JPEG", en: "JPEG image" },
    extensions: ["jpg", "jpeg"],
    display: "image",
  },
  gif: {
    mediaType: "image/gif",
    label: { fr: "Image GIF", en: "GIF image" },
    extensions: ["gif"],
    display: "image",
  },
  webp: {
    mediaType: "image/webp",
    label: { fr: "Image WebP", en: "WebP image" },
    extensions: ["webp"],
    display: "image",
  },
  pdf: {
    mediaType: "application/pdf",
    label: { fr: "Document PDF", en: "PDF document" },
    extensions: ["pdf"],
    display: "download",
  },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: { fr: "Document Word", en: "Word document" },
    extensions: ["docx"],
    display: "download",
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: { fr: "Classeur Excel", en: "Excel workbook" },
    extensions: ["xlsx"],
    display: "download",
  },
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: { fr: "Présentation PowerPoint", en: "PowerPoint presentation" },
    extensions: ["pptx"],
    display: "download",
  },
  odt: {
    mediaType: "application/vnd.oasis.opendocument.text",
    label: { fr: "Document OpenDocument", en: "OpenDocument text" },
    extensions: ["odt"],
    display: "download",
  },
  ods: {
    mediaType: "application/vnd.oasis.opendocument.spreadsheet",
    label: { fr: "Classeur OpenDocument", en: "OpenDocument spreadsheet" },
    extensions: ["ods"],
    display: "download",
  },
  zip: {
    mediaType: "application/zip",
    label: { fr: "Archive ZIP", en: "ZIP archive" },
    extensions: ["zip"],
    display: "download",
  },
  gzip: {
    mediaType: "application/gzip",
    label: { fr: "Archive GZIP", en: "GZIP archive" },
    extensions: ["gz", "tgz"],
    display: "download",
  },
  csv: {
    mediaType: "text/csv",
    label: { fr: "Fichier CSV", en: "CSV file" },
    extensions: ["csv"],
    display: "download",
  },
  json: {
    mediaType: "application/json",
    label: { fr: "Fichier JSON", en: "JSON file" },
    extensions: ["json"],
    display: "download",
  },
  text: {
    mediaType: "text/plain",
    label: { fr: "Texte", en: "Text" },
    extensions: ["txt", "log", "md", "eml"],
    display: "download",
  },
} as const satisfies Record<string, AttachmentType>;

export type AttachmentTypeId = keyof typeof attachmentTypes;
export const attachmentTypeIds = Object.keys(attachmentTypes) as AttachmentTypeId[];

/** Every accepted extension, for a file picker's `accept` attribute (".png,.jpg,…"). */
export const acceptedExtensions: readonly string[] = attachmentTypeIds.flatMap((id) =>
  attachmentTypes[id].extensions.map((e) => `.${e}`),
);

/** How many leading bytes `detectAttachmentType` needs to decide (text checks look at all of them). */
export const sniffBytes = 4096;

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** Whether a name's extension is on the allow-list: the portal's check before upload. */
export function hasAcceptedExtension(fileName: string): boolean {
  return acceptedExtensions.includes(`.${extensionOf(fileName)}`);
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** Markup a browser would render or run if it ever treated the file as a page: refused even as text. */
const markup = /^\s*(<!doctype\s+html|<html|<svg|<script|<\?xml|<!--|<body|<head|<iframe)/i;

/** Length of a UTF-8 sequence from its lead byte (0 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Valid UTF-8 without NUL or other control characters besides tab, LF, form feed and CR, and not
 * markup. Written out (no TextDecoder) to stay pure. A multi-byte character cut by the end of the
 * sniffed prefix is accepted.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0) return false;
    if (length === 1) {
      if ((lead < 0x20 && lead !== 0x09 && lead !== 0x0a && lead !== 0x0c && lead !== 0x0d) || lead === 0x7f)
        return false;
      i++;
      continue;
    }
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true; // cut at the end of the prefix
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return false;
      // Overlong three- and four-byte forms and UTF-16 surrogates are not valid UTF-8.
      if (k === 1 && lead === 0xe0 && next < 0xa0) return false;
      if (k === 1 && lead === 0xed && next > 0x9f) return false;
      if (k === 1 && lead === 0xf0 && next < 0x90) return false;
      if (k === 1 && lead === 0xf4 && next > 0x8f) return false;
    }
    // C1 control characters (U+0080–U+009F) are two bytes: C2 80 – C2 9F.
    if (lead === 0xc2 && (bytes[i + 1] ?? 0) < 0xa0) return false;
    i += length;
  }
  // Markup starts with ASCII: its first bytes as characters are enough (after a byte-order mark).
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = String.fromCharCode(...bytes.subarray(start, start + 256));
  return !markup.test(head);
}

/**
 * The allow-listed type of a file, from its first bytes (at least `sniffBytes` of them, or the whole
 * file when shorter) and, where the content alone is ambiguous (ZIP-based office files, plain text
 * kinds), its name. `null` means refused: unknown binary, executable, HTML, SVG, script.
 * @example detectAttachmentType(pngBytes, "capture.png") // "png"
 */
export function detectAttachmentType(head: Uint8Array, fileName: string): AttachmentTypeId | null {
  const ext = extensionOf(fileName);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return "gif";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x1f, 0x8b])) return "gzip";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // Office files are ZIP containers; only the name tells which. Anything else is a ZIP archive.
    for (const id of ["docx", "xlsx", "pptx", "odt", "ods"] as const) {
      if ((attachmentTypes[id].extensions as readonly string[]).includes(ext)) return id;
    }
    return "zip";
  }
  // Executables (PE "MZ", ELF, Mach-O, scripts with a shebang) are refused whatever their name.
  if (
    startsWith(head, ascii("MZ")) ||
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(head, ascii("#!"))
  )
    return null;
  if (head.length > 0 && looksLikeText(head)) {
    if (ext === "csv") return "csv";
    if (ext === "json") return "json";
    // Text without an extension (README, a copied config file) is plain text too.
    if (ext === "" || (attachmentTypes.text.extensions as readonly string[]).includes(ext)) return "text";
  }
  return null;
}

/** The type whose media type this is (as stored), or undefined. */
export function attachmentTypeByMediaType(mediaType: string): AttachmentTypeId | undefined {
  return attachmentTypeIds.find((id) => attachmentTypes[id].mediaType === mediaType);
}

/**
 * A file name safe to store and to show: the last path segment only (no `../`), no control or
 * bidirectional-override characters, no leading dots, at most 180 characters with the extension kept.
 * @example sanitizeFileName("../../etc/passwd") // "passwd"
 */
export function sanitizeFileName(raw: string, fallback = "fichier"): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/["<>:|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (cleaned === "") return fallback;
  const chars = [...cleaned];
  if (chars.length <= 180) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = ext && ext.length <= 10 ? `.${ext}` : "";
  return `${chars.slice(0, 180 - keep.length).join("")}${keep}`;
}

/**
 * A size for people: "850 o", "12 Ko", "1,5 Mo" in French; "850 B", "12 KB", "1.5 MB" in English.
 * @example formatFileSize(1_572_864, "fr") // "1,5 Mo"
 */
export function formatFileSize(bytes: number, locale: "fr" | "en"): string {
  const units = locale === "fr" ? ["o", "Ko", "Mo", "Go"] : ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    maximumFractionDigits: digits,
  }).format(value);
  return `${number}\u00a0${units[unit]}`;
}
