/**
 * What an inbound mail to the support address does, decided and written in one transaction with
 * its log row (`inboundMail`, unique on Message-ID: the same mail twice is processed once):
 * - from a customer whose plan includes `email-support`: a reply to one of their organization's
 *   requests (found by `In-Reply-To` / `References`, else by `[CS-000123]` in the subject) is added
 *   to its conversation, quoted history stripped; otherwise a new request opens (channel e-mail,
 *   category "usage-question", due time from the domain at receipt); its attachments are kept
 *   under the portal's rules (type by content, sizes, count), the refused ones listed as not kept;
 * - from a customer without e-mail support, or an unknown address: one polite auto-reply, at most
 *   one per address per 24 hours;
 * - automatic mail (bounces, auto-replies, lists), staff and our own domain: recorded, never answered.
 */
import {
  allowedTransitions,
  canOpenRequest,
  entitlements,
  findRequestReference,
  type Locale,
  type RequestCategoryId,
  supportEmail,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import { storeMailAttachments } from "../attachments/mail.ts";
import type { AttachmentStorage } from "../attachments/storage.ts";
import { deleteAttachments } from "../attachments/upload.ts";
import { addMessage, changeStatus, openRequest } from "../commands/requests.ts";
import { newId } from "../db/ids.ts";
import type {
  Attachment,
  Database,
  Db,
  InboundOutcome,
  Organization,
  SupportRequest,
  User,
} from "../db/schema.ts";
import { findOrganization, normalizeEmail, parseAddOns } from "../queries/users.ts";
import { limits } from "../routes/request-schemas.ts";
import { notEntitledAutoReply, unknownSenderAutoReply } from "./auto-reply-mails.ts";
import { automatedReason, type InboundAttachment, type InboundMessage } from "./inbound-mail.ts";
import { type MailLinks, notifyAttachmentsNotKept } from "./notifications.ts";
import { enqueueMail } from "./outbox.ts";
import { stripQuotedHistory } from "./quoted-text.ts";
import { requestIdOfReferences } from "./threading.ts";

export interface InboundDeps {
  readonly db: Kysely<Database>;
  readonly clock: () => Date;
  readonly links: MailLinks;
  readonly attachments: AttachmentStorage;
}

export interface InboundResult {
  readonly outcome: InboundOutcome | "duplicate";
  readonly requestId: string | null;
}

const DAY_MS = 86_400_000;
const supportDomain = supportEmail.split("@")[1] ?? "cirrus-shield.com";

/** Subject of a request opened by mail: without `Re:` / `Fwd:` prefixes, within the length limit. */
function requestSubject(subject: string, locale: Locale): string {
  const cleaned = subject
    .replace(/^(\s*(re|fwd?|tr|aw|wg)\s*(\[\d+\])?\s*:\s*)+/i, "")
    .trim()
    .slice(0, limits.subject);
  return cleaned || (locale === "fr" ? "(sans objet)" : "(no subject)");
}

/** The body of a message from a mail: its text within the limit, and the attachments not kept. */
function messageBody(text: string, attachments: readonly InboundAttachment[], locale: Locale): string {
  let body = text.trim();
  const note =
    attachments.length > 0
      ? `[${locale === "fr" ? "Pièces jointes non conservées" : "Attachments not kept"} : ${attachments
          .map((a) => `${a.filename} (${Math.max(1, Math.round(a.size / 1024))} kB)`)
          .join(", ")}]`
      : "";
  const room = limits.body - note.length - 4;
  if (body.length > room) body = `${body.slice(0, room - 2).trimEnd()} […]`;
  if (!body) body = locale === "fr" ? "(message sans texte)" : "(message without text)";
  return note ? `${body}\n\n${note}` : body;
}

function hasEmailSupport(org: Organization): boolean {
  const addOns = parseAddOns(org.addOns);
  return (
    entitlements(org.tier, addOns)["email-support"] === "included" &&
    canOpenRequest(org.tier, addOns, "usage-question")
  );
}

/** The organization's request the mail answers: by its Message-ID references first, then by subject. */
async function findThread(trx: Db, mail: InboundMessage, organizationId: string) {
  const candidates: string[] = [];
  const byHeaders = await requestIdOfReferences(trx, [...mail.references, ...mail.inReplyTo]);
  if (byHeaders) candidates.push(byHeaders);
  for (const id of candidates) {
    const request = await trx
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", id)
      .where("organizationId", "=", organizationId)
      .executeTakeFirst();
    if (request) return request;
  }
  const number = findRequestReference(mail.subject);
  if (number === null || number > 2_147_483_647) return undefined;
  return trx
    .selectFrom("requests")
    .selectAll()
    .where("number", "=", number)
    .where("organizationId", "=", organizationId)
    .executeTakeFirst();
}

/** Adds the reply to its request (reopening a closed one within the window) or opens a follow-up. */
async function reply(
  trx: Db,
  deps: InboundDeps,
  mail: InboundMessage,
  user: User,
  org: Organization,
  request: SupportRequest,
  files: MailFiles,
  now: Date,
): Promise<{ outcome: InboundOutcome; requestId: string }> {
  const body = messageBody(stripQuotedHistory(mail.text), files.refused, user.locale);
  const names = files.refused.map((a) => a.filename);
  const attachmentIds = files.kept.map((a) => a.id);
  let current = request;
  if (current.status === "closed") {
    const state = { status: current.status, statusChangedAt: new Date(current.statusChangedAt) };
    if (!allowedTransitions(state, "customer", now).includes("open")) {
      // Closed for good: the reply starts a new request linked to the old one.
      const category: RequestCategoryId = canOpenRequest(org.tier, parseAddOns(org.addOns), current.category)
        ? current.category
        : "usage-question";
      const opened = await openRequest(
        trx,
        user,
        {
          subject: current.subject,
          category,
          body,
          channel: "email",
          linkedRequestId: current.id,
          emailMessageId: mail.messageId,
          attachmentsNotKept: names,
          attachmentIds,
        },
        now,
        deps.links,
      );
      return { outcome: "request-opened", requestId: opened.id };
    }
    current = await changeStatus(trx, current, { user, as: "customer" }, "open", null, now, deps.links);
  }
  await addMessage(
    trx,
    current,
    user,
    { body, visibility: "public", emailMessageId: mail.messageId, attachmentIds },
    now,
    deps.links,
  );
  if (names.length > 0) await notifyAttachmentsNotKept(trx, current, user, names, deps.links, now);
  return { outcome: "reply-added", requestId: current.id };
}

/**
 * Takes the sender's one auto-reply of the day: true (and the day starts now) when none was sent to
 * this address in the last 24 hours. Atomic on both engines (an upsert on the rate-limit row), so
 * two mails at once cannot both get one.
 */
async function takeAutoReplySlot(trx: Db, address: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - DAY_MS).toISOString();
  const taken = await trx
    .insertInto("rateLimits")
    .values({ key: `auto-reply:${normalizeEmail(address)}`, tokens: 0, updatedAt: at })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({ updatedAt: at })
        .where((eb) => eb("rateLimits.updatedAt", "<=", cutoff)),
    )
    .returning("key")
    .executeTakeFirst();
  return taken !== undefined;
}

async function autoReply(
  trx: Db,
  deps: InboundDeps,
  mail: InboundMessage,
  user: User | undefined,
  now: Date,
): Promise<{ outcome: InboundOutcome; autoReplied: boolean }> {
  const outcome = user ? "auto-reply-not-entitled" : "auto-reply-unknown-sender";
  // RFC 3834 §4: answer the return path (the envelope sender), which is where errors should go.
  const to = mail.envelopeFrom || mail.fromAddress;
  if (!(await takeAutoReplySlot(trx, to, now)))
    return { outcome: "ignored-auto-reply-limit", autoReplied: false };
  const locale: Locale = user?.locale ?? "fr";
  const rendered = user
    ? notEntitledAutoReply(locale, { name: user.name, subject: mail.subject, links: deps.links })
    : unknownSenderAutoReply({ subject: mail.subject, links: deps.links });
  await enqueueMail(
    trx,
    {
      kind: "auto-reply",
      to,
      locale,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: {
        "Auto-Submitted": "auto-replied",
        "X-Auto-Response-Suppress": "All",
        "In-Reply-To": mail.messageId,
        References: [...mail.references, mail.messageId].join(" "),
      },
    },
    now,
  );
  return { outcome, autoReplied: true };
}

/** The mail's files: stored as pending attachments of the sender (kept), or to report as not kept. */
interface MailFiles {
  readonly kept: readonly Attachment[];
  readonly refused: readonly InboundAttachment[];
}

/** Who the mail is from, as far as what to do with it goes. */
type Sender =
  | { readonly kind: "own-address" }
  | { readonly kind: "automated" }
  | { readonly kind: "staff"; readonly user: User }
  | { readonly kind: "entitled"; readonly user: User; readonly org: Organization }
  | { readonly kind: "not-entitled"; readonly user: User | undefined };

/** Classifies the sender; read before the transaction (to store files) and again inside it. */
async function senderOf(db: Db, mail: InboundMessage, from: string): Promise<Sender> {
  if (from.endsWith(`@${supportDomain}`)) return { kind: "own-address" };
  if (automatedReason(mail)) return { kind: "automated" };
  let user = from
    ? await db.selectFrom("users").selectAll().where("emailNormalized", "=", from).executeTakeFirst()
    : undefined;
  if (user?.disabledAt) user = undefined; // a disabled account is nobody we serve
  if (user && user.role !== "customer") return { kind: "staff", user };
  const org = user ? await findOrganization(db, user.organizationId) : undefined;
  if (user && org && hasEmailSupport(org)) return { kind: "entitled", user, org };
  return { kind: "not-entitled", user };
}

/** The log row of this Message-ID when the mail was processed before. */
function loggedMail(db: Db, mail: InboundMessage) {
  return db
    .selectFrom("inboundMail")
    .select(["outcome", "requestId"])
    .where("messageId", "=", mail.messageId)
    .executeTakeFirst();
}

/**
 * The mail's attachments stored as pending files of the sender, when the mail will very likely
 * become a message (an entitled customer, not seen before); otherwise nothing is stored and every
 * file counts as not kept. Done outside the transaction: content is written through `db`, which on
 * SQLite (one connection) would wait forever for the open transaction.
 */
async function storeFiles(deps: InboundDeps, mail: InboundMessage, now: Date): Promise<MailFiles> {
  const none = { kept: [], refused: mail.attachments };
  if (mail.attachments.length === 0 || (await loggedMail(deps.db, mail))) return none;
  const sender = await senderOf(deps.db, mail, normalizeEmail(mail.fromAddress));
  if (sender.kind !== "entitled") return none;
  return storeMailAttachments({ db: deps.db, storage: deps.attachments }, sender.user, mail.attachments, now);
}

/**
 * Processes one accepted mail; resolves once everything it caused (request, message, attachments,
 * mails, log row) is committed — only then may the SMTP listener answer 250.
 * @example await processInboundMail({ db, clock, links, attachments }, inboundFromParsed(parsed, envelopeFrom, raw))
 */
export async function processInboundMail(deps: InboundDeps, mail: InboundMessage): Promise<InboundResult> {
  const now = deps.clock();
  const files = await storeFiles(deps, mail, now);
  let linked = false;
  try {
    const result = await deps.db.transaction().execute((trx) => decide(trx, deps, mail, files, now));
    linked = result.outcome === "request-opened" || result.outcome === "reply-added";
    return result;
  } finally {
    // Stored for a message that was not written (the sender's situation changed meanwhile, the same
    // mail committed by another connection, a failed transaction): nothing will ever claim them.
    if (!linked && files.kept.length > 0) {
      // A failed clean-up must not hide the outcome; the stale-upload sweep removes them a day later.
      await deleteAttachments(deps.db, deps.attachments, files.kept).catch(() => {});
    }
  }
}

/** The decision and everything it writes, in the mail's transaction. */
async function decide(
  trx: Db,
  deps: InboundDeps,
  mail: InboundMessage,
  files: MailFiles,
  now: Date,
): Promise<InboundResult> {
  const seen = await loggedMail(trx, mail);
  if (seen) return { outcome: "duplicate", requestId: seen.requestId };

  const from = normalizeEmail(mail.fromAddress);
  const sender = await senderOf(trx, mail, from);
  let outcome: InboundOutcome;
  let requestId: string | null = null;
  let autoReplied = false;
  const user = sender.kind === "own-address" || sender.kind === "automated" ? undefined : sender.user;
  if (sender.kind === "own-address") outcome = "ignored-own-address";
  else if (sender.kind === "automated") outcome = "ignored-automated";
  else if (sender.kind === "staff") outcome = "ignored-staff";
  else if (sender.kind === "entitled") {
    const { user, org } = sender;
    const thread = await findThread(trx, mail, org.id);
    if (thread) ({ outcome, requestId } = await reply(trx, deps, mail, user, org, thread, files, now));
    else {
      const opened = await openRequest(
        trx,
        user,
        {
          subject: requestSubject(mail.subject, user.locale),
          category: "usage-question",
          body: messageBody(mail.text, files.refused, user.locale),
          channel: "email",
          emailMessageId: mail.messageId,
          attachmentsNotKept: files.refused.map((a) => a.filename),
          attachmentIds: files.kept.map((a) => a.id),
        },
        now,
        deps.links,
      );
      outcome = "request-opened";
      requestId = opened.id;
    }
  } else ({ outcome, autoReplied } = await autoReply(trx, deps, mail, sender.user, now));

  await trx
    .insertInto("inboundMail")
    .values({
      id: newId(),
      messageId: mail.messageId,
      fromAddress: mail.fromAddress.slice(0, 320),
      fromNormalized: from.slice(0, 320),
      envelopeFrom: mail.envelopeFrom.slice(0, 320),
      subject: mail.subject.slice(0, 1000),
      textBody: mail.text.slice(0, limits.body),
      attachmentCount: mail.attachments.length,
      receivedAt: now.toISOString(),
      outcome,
      autoReplied: autoReplied ? 1 : 0,
      requestId,
      userId: user?.id ?? null,
    })
    .execute();
  return { outcome, requestId };
}
