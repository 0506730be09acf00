/**
 * The e-mail outbox: notifications are written in the same database as the change that causes
 * them, then delivered (and retried) by a sender — so no mail is lost if SMTP is down.
 */
import type { Locale } from "@cirrus/domain";
import { newId } from "../db/ids.ts";
import type { Db } from "../db/schema.ts";

export interface MailToSend {
  readonly kind: string;
  readonly to: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Record<string, string>;
  readonly requestId?: string;
}

/**
 * Queues a mail for delivery.
 * @example await enqueueMail(db, { kind: "invitation", to, locale: "fr", subject, text }, now)
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
    })
    .execute();
  return id;
}
