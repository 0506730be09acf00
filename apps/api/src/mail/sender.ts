/**
 * Delivers the outbox through SMTP (nodemailer). Several API instances may drain the same outbox:
 * each claims a batch of due rows for a while (PostgreSQL: `for update skip locked`; SQLite: one
 * `update … returning` in a write transaction), sends them, and marks each one sent with a
 * conditional update — so a row is marked sent exactly once. A failed send is retried with
 * exponential backoff (30 s × 2^n, at most an hour apart), forever: rows are never deleted.
 *
 * Delivery is at least once: if the process dies after the relay accepted a mail and before the row
 * is marked, the claim expires and the mail is sent again (with the same Message-ID, so clients
 * can tell it is the same mail).
 */

import { type Kysely, sql } from "kysely";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type { Engine } from "../db/connect.ts";
import type { Database, OutboxRow } from "../db/schema.ts";
import type { Logger } from "../logger.ts";

/** Tuning of the sender; the defaults suit production. */
export const senderDefaults = {
  /** Rows claimed at once. */
  batchSize: 20,
  /** How long a claim holds; longer than the slowest SMTP exchange (nodemailer's timeouts below). */
  claimMs: 5 * 60_000,
  /** First retry delay; doubled after each failure. */
  retryBaseMs: 30_000,
  /** Longest delay between two attempts. */
  retryMaxMs: 60 * 60_000,
} as const;

export interface SenderDeps {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** A nodemailer transport, e.g. `createSmtpTransport(SMTP_URL)`. */
  readonly transport: Pick<Transporter, "sendMail">;
  /** The `From` of every mail, e.g. `Cirrus Shield Support <support@cirrus-shield.com>`. */
  readonly from: string;
  readonly batchSize?: number;
  readonly claimMs?: number;
}

/**
 * A transport for an `smtp://` or `smtps://` URL, with timeouts that fit inside a claim.
 * @example createSmtpTransport("smtp://127.0.0.1:2526")
 */
export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport({
    url,
    // Fail fast rather than hold a claim: the row is retried later anyway.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
}

/**
 * The delay before the next attempt after `attempts` failed ones (1, 2, …).
 * @example retryDelayMs(1) // 30_000
 */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(senderDefaults.retryBaseMs * 2 ** exponent, senderDefaults.retryMaxMs);
}

/** Claims up to `limit` due rows for this sender until `claimedUntil`; returns them. */
async function claimBatch(deps: SenderDeps, now: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + (deps.claimMs ?? senderDefaults.claimMs)).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom("outbox")
      .select("id")
      .where("sentAt", "is", null)
      .where("nextAttemptAt", "<=", at)
      .where((eb) => eb.or([eb("claimedUntil", "is", null), eb("claimedUntil", "<=", at)]))
      .orderBy("nextAttemptAt")
      .orderBy("id")
      .limit(limit);
    // Another instance's claim in progress is skipped, not waited for (SQLite has one writer anyway).
    if (deps.engine === "postgres") due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable("outbox")
      .set({ claimedUntil: until })
      .where("id", "in", ids)
      .where("sentAt", "is", null)
      .returningAll()
      .execute();
  });
}

/** The nodemailer message of an outbox row: our Message-ID, threading headers, Reply-To. */
export function toNodemailer(row: OutboxRow, from: string): SendMailOptions {
  const headers = JSON.parse(row.headers) as Record<string, string>;
  const { "In-Reply-To": inReplyTo, References: references, "Reply-To": replyTo, ...rest } = headers;
  return {
    from,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    ...(row.htmlBody ? { html: row.htmlBody } : {}),
    ...(row.messageId ? { messageId: row.messageId } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references ? { references } : {}),
    ...(replyTo ? { replyTo } : {}),
    headers: { ...rest, "Content-Language": row.locale },
  };
}

async function markSent(deps: SenderDeps, row: OutboxRow): Promise<boolean> {
  const result = await deps.db
    .updateTable("outbox")
    .set((eb) => ({
      sentAt: deps.clock().toISOString(),
      attempts: eb("attempts", "+", 1),
      claimedUntil: null,
      lastError: null,
    }))
    .where("id", "=", row.id)
    .where("sentAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function markFailed(deps: SenderDeps, row: OutboxRow, error: unknown): Promise<void> {
  const attempts = row.attempts + 1;
  const now = deps.clock();
  const message = error instanceof Error ? error.message : String(error);
  await deps.db
    .updateTable("outbox")
    .set({
      attempts,
      lastError: message.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
      claimedUntil: null,
    })
    .where("id", "=", row.id)
    .where("sentAt", "is", null)
    .execute();
}

/**
 * Sends every due mail, batch after batch, until none is due (or `maxBatches` were claimed);
 * returns how many were sent and how many failed (and wait for their next attempt).
 * @example await drainOutbox({ db, engine, clock, logger, transport: createSmtpTransport(url), from })
 */
export async function drainOutbox(
  deps: SenderDeps,
  options: { maxBatches?: number } = {},
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const batchSize = deps.batchSize ?? senderDefaults.batchSize;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const rows = await claimBatch(deps, deps.clock(), batchSize);
    for (const row of rows) {
      try {
        await deps.transport.sendMail(toNodemailer(row, deps.from));
      } catch (error) {
        failed++;
        deps.logger.warn("mail not sent, will retry", {
          outboxId: row.id,
          kind: row.kind,
          attempts: row.attempts + 1,
          error: error instanceof Error ? error.message : String(error),
        });
        await markFailed(deps, row, error);
        continue;
      }
      if (await markSent(deps, row)) sent++;
      else deps.logger.warn("mail was already marked sent", { outboxId: row.id });
    }
    if (rows.length < batchSize) break;
  }
  return { sent, failed };
}

/** Rows still waiting to be sent (for health output and tests). */
export async function pendingCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select(sql<number>`count(*)`.as("n"))
    .where("sentAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
