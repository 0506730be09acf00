/**
 * An inbound e-mail as the processing needs it, read from mailparser's result and the SMTP
 * envelope, and the rules that tell an automatic mail (bounce, auto-reply, list) from a person's.
 */
import { createHash } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { messageIdsOf } from "./threading.ts";

export interface InboundMessage {
  /** The `Message-ID`, or `<sha256-of-the-raw-mail@inbound.invalid>` when it has none. */
  readonly messageId: string;
  /** The first `From` address (empty when there is none) and its display name. */
  readonly fromAddress: string;
  readonly fromName: string;
  /** The envelope sender (`MAIL FROM`); empty for the null sender `<>` of bounces. */
  readonly envelopeFrom: string;
  readonly subject: string;
  /** Plain text; an HTML-only mail's HTML converted to text (never rendered, never stored as HTML). */
  readonly text: string;
  /** `In-Reply-To` then `References`, oldest first. */
  readonly inReplyTo: readonly string[];
  readonly references: readonly string[];
  /** Header values the loop rules look at, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Attachments (inline images of a signature excepted), in mail order. */
  readonly attachments: readonly InboundAttachment[];
}

export interface InboundAttachment {
  /** The name the mail gives it ("(sans nom)" when none), as reported when it is not kept. */
  readonly filename: string;
  readonly size: number;
  /** Decoded content (the whole mail is in memory already, within the SMTP size limit). */
  readonly content: Uint8Array;
}

const LOOP_HEADERS = [
  "auto-submitted",
  "precedence",
  "x-auto-response-suppress",
  "list-id",
  "list-unsubscribe",
  "content-type",
  "x-autoreply",
  "x-autorespond",
] as const;

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object" && "value" in value) return String(value.value);
  return String(value);
}

/** Text PostgreSQL can store: without NUL characters (a mail may carry them; a form cannot). */
function storable(text: string): string {
  return text.replaceAll("\u0000", "");
}

/**
 * Reads a parsed mail; `raw` is the message as received (its hash names a mail without Message-ID).
 * @example inboundFromParsed(await simpleParser(raw), "claire@example.fr", raw)
 */
export function inboundFromParsed(parsed: ParsedMail, envelopeFrom: string, raw: Buffer): InboundMessage {
  const from = parsed.from?.value.find((a) => a.address) ?? null;
  const headers: Record<string, string> = {};
  for (const name of LOOP_HEADERS) {
    const value = headerText(parsed, name);
    if (value !== undefined) headers[name] = value;
  }
  const messageId =
    messageIdsOf(parsed.messageId)[0] ??
    `<sha256-${createHash("sha256").update(raw).digest("hex")}@inbound.invalid>`;
  return {
    messageId,
    fromAddress: storable(from?.address?.trim() ?? ""),
    fromName: storable(from?.name?.trim() ?? ""),
    envelopeFrom: storable(envelopeFrom.trim()),
    subject: storable(parsed.subject ?? "")
      .replace(/\s+/g, " ")
      .trim(),
    text: storable(parsed.text ?? "").replace(/\r\n?/g, "\n"),
    inReplyTo: messageIdsOf(parsed.inReplyTo),
    references: messageIdsOf(parsed.references),
    headers,
    attachments: parsed.attachments
      .filter((a) => !(a.related && a.contentDisposition === "inline"))
      .map((a) => ({
        filename: storable(a.filename?.trim() || "(sans nom)").slice(0, 200),
        size: a.content.length,
        content: a.content,
      })),
  };
}

const ROBOT_LOCAL_PARTS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?$/i;

/**
 * Why a mail is automatic and must never be answered (RFC 3834 and common practice), or null for a
 * person's mail: `Auto-Submitted` other than `no`, `Precedence: bulk|junk|list|auto_reply`, the
 * null return path of bounces, MAILER-DAEMON / postmaster / no-reply senders, Exchange's
 * `X-Auto-Response-Suppress`, mailing lists, delivery reports.
 * @example automatedReason({ …mail, headers: { "auto-submitted": "auto-replied" } }) // "auto-submitted"
 */
export function automatedReason(mail: InboundMessage): string | null {
  const h = mail.headers;
  const autoSubmitted = h["auto-submitted"]?.split(";")[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "auto-submitted";
  if (/\b(bulk|junk|list|auto_reply)\b/i.test(h.precedence ?? "")) return "precedence";
  if (h["x-auto-response-suppress"] !== undefined) return "x-auto-response-suppress";
  if (h["x-autoreply"] !== undefined || h["x-autorespond"] !== undefined) return "auto-reply header";
  if (h["list-id"] !== undefined || h["list-unsubscribe"] !== undefined) return "mailing list";
  if (/multipart\/report/i.test(h["content-type"] ?? "")) return "delivery report";
  if (mail.envelopeFrom === "" || mail.envelopeFrom === "<>") return "null return path";
  for (const address of [mail.fromAddress, mail.envelopeFrom]) {
    const local = address.split("@")[0] ?? "";
    if (ROBOT_LOCAL_PARTS.test(local)) return "robot sender";
  }
  if (!mail.fromAddress) return "no sender";
  return null;
}
