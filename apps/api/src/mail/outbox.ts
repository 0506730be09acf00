/**
 * The e-mail outbox: notifications are written in the same database transaction as the change that
 * causes them, then delivered (and retried) by the sender (`sender.ts`) — so no mail is lost if SMTP
 * is down, and none is sent for a change that rolled back. Rows are never deleted.
 */
import type { Locale } from "@cirrus/domain";
import { newId } from "../db/ids.ts";
import type { Db } from "../db/schema.ts";
import { outboxMessageId } from "./threading.ts";

export interface MailToSend {
  readonly kind: string;
  readonly to: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Extra headers (`In-Reply-To`, `References`, `Auto-Submitted`…); `Message-ID` is ours, per row. */
  readonly headers?: Record<string, string>;
  readonly requestId?: string;
}

/**
 * Queues a mail for delivery; returns the row's id. Call inside the transaction of the change.
 * @example await enqueueMail(trx, { kind: "invitation", to, locale: "fr", subject, text }, now)
 */
export async function enqueueMail(db: Db, mail: MailToSend, now: Date): Promise<string> {
  const id = newId();
  await db
    .insertInto("outbox")
    .values({
      id,
      kind: mail.kind,
      toAddress: mail.to,
      locale: mail.locale,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      requestId: mail.requestId ?? null,
      createdAt: now.toISOString(),
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      sentAt: null,
      lastError: null,
      messageId: outboxMessageId(id),
      claimedUntil: null,
    })
    .execute();
  return id;
}
