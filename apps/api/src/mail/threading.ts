/**
 * E-mail threading: our Message-IDs (one per outbox row, one thread root per request) and the
 * lookups that tie an inbound reply (`In-Reply-To`, `References`) back to its request.
 */
import type { Db } from "../db/schema.ts";

/** The right-hand side of every Message-ID we generate. */
export const messageIdDomain = "support.cirrus-shield.com";

const ROOT_RE = new RegExp(`^<request-([A-Za-z0-9-]{1,64})@${messageIdDomain.replaceAll(".", "\\.")}>$`, "i");

/**
 * The Message-ID every mail about a request refers to (`References`), so mail clients keep one thread.
 * @example threadRootId("01J…") // "<request-01J…@support.cirrus-shield.com>"
 */
export function threadRootId(requestId: string): string {
  return `<request-${requestId}@${messageIdDomain}>`;
}

/**
 * The Message-ID of one outbox row: the same on every delivery attempt, so a resend is recognizably
 * the same mail.
 * @example outboxMessageId("01J…") // "<outbox-01J…@support.cirrus-shield.com>"
 */
export function outboxMessageId(outboxId: string): string {
  return `<outbox-${outboxId}@${messageIdDomain}>`;
}

/** The request id inside one of our thread-root Message-IDs, or null. */
export function requestIdOfThreadRoot(messageId: string): string | null {
  return ROOT_RE.exec(messageId.trim())?.[1] ?? null;
}

/**
 * The Message-IDs listed in a header value (`In-Reply-To`, `References`), angle brackets kept,
 * in order, without duplicates; bare ids get brackets.
 * @example messageIdsOf("<a@x> <b@y>") // ["<a@x>", "<b@y>"]
 */
export function messageIdsOf(value: string | readonly string[] | undefined): string[] {
  if (!value) return [];
  const parts = (typeof value === "string" ? [value] : value).flatMap((v) => {
    const bracketed = v.match(/<[^<>\s]+>/g);
    if (bracketed) return bracketed;
    return v
      .split(/[\s,]+/)
      .filter((s) => s.includes("@"))
      .map((s) => `<${s}>`);
  });
  return [...new Set(parts)].filter((id) => id.length <= 998);
}

/**
 * The request a mail answers, from the Message-IDs it refers to (most recent first): our thread
 * root, one of our outgoing mails, or an earlier inbound mail of the conversation.
 */
export async function requestIdOfReferences(db: Db, ids: readonly string[]): Promise<string | null> {
  for (const id of [...ids].reverse()) {
    const fromRoot = requestIdOfThreadRoot(id);
    if (fromRoot) return fromRoot;
    const sent = await db
      .selectFrom("outbox")
      .select("requestId")
      .where("messageId", "=", id)
      .where("requestId", "is not", null)
      .executeTakeFirst();
    if (sent?.requestId) return sent.requestId;
    const received = await db
      .selectFrom("messages")
      .select("requestId")
      .where("emailMessageId", "=", id)
      .executeTakeFirst();
    if (received) return received.requestId;
  }
  return null;
}

/**
 * `In-Reply-To` and `References` for a mail about a request: the thread root, then the e-mails the
 * customer sent on it (newest last, at most ten), replying to the newest of them.
 */
export async function threadHeaders(db: Db, requestId: string): Promise<Record<string, string>> {
  const received = await db
    .selectFrom("messages")
    .select("emailMessageId")
    .where("requestId", "=", requestId)
    .where("emailMessageId", "is not", null)
    .orderBy("createdAt", "desc")
    .limit(10)
    .execute();
  const inbound = received
    .map((r) => r.emailMessageId)
    .filter((id): id is string => !!id)
    .reverse();
  const root = threadRootId(requestId);
  return {
    "In-Reply-To": inbound.at(-1) ?? root,
    References: [root, ...inbound].join(" "),
  };
}
