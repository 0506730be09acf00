/**
 * The development mailbox: staff read the latest mails of the outbox — sent or waiting — exactly as
 * they were queued (text and HTML), so a newcomer sees the whole e-mail flow without an SMTP relay.
 * Not served in production (404): there, mail goes to real inboxes and stays private to them.
 */
import { formatRequestReference, locales } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../access.ts";
import { Problem } from "../problems.ts";
import { createRouter } from "../router.ts";
import { json, problems } from "./schemas.ts";

const MailboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // Spelled out: the generator calls a coerced number with min(0) nullable (Number(null) is 0).
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .openapi({ type: "integer", minimum: 0, maximum: 10_000, default: 0 }),
});

const MailboxItemSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({
      example: "request-received",
      description:
        "request-received, agent-reply, request-resolved, quote-proposed, attachments-not-kept, auto-reply, invitation, password-reset",
    }),
    to: z.string(),
    locale: z.enum(locales),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable().openapi({ description: "The HTML part as sent; render it sandboxed." }),
    headers: z.record(z.string(), z.string()),
    messageId: z.string().nullable(),
    requestId: z.string().nullable(),
    reference: z.string().nullable().openapi({ example: "CS-000123" }),
    createdAt: z.string(),
    sentAt: z.string().nullable().openapi({ description: "Null while waiting (no SMTP_URL, or retrying)" }),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
  })
  .openapi("MailboxItem");

const MailboxSchema = z
  .object({
    delivery: z.enum(["smtp", "outbox-only"]).openapi({
      description: "smtp: SMTP_URL is set and mails are sent; outbox-only: mails stay here",
    }),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(MailboxItemSchema),
  })
  .openapi("Mailbox");

const getMailbox = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/mailbox",
  tags: ["Agent"],
  summary: "Development mailbox: the latest outbox mails, newest first (404 in production)",
  request: { query: MailboxQuery },
  responses: { 200: json(MailboxSchema, "A page of the outbox"), ...problems(401, 403, 404, 422) },
});

function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    }
  } catch {
    // An unreadable row shows no headers rather than failing the whole page.
  }
  return {};
}

export function mailboxRoutes() {
  return createRouter().openapi(getMailbox, async (c) => {
    const { db, config } = c.get("deps");
    if (config.production) throw new Problem("not-found");
    const { limit, offset } = c.req.valid("query");
    const rows = await db
      .selectFrom("outbox")
      .leftJoin("requests", "requests.id", "outbox.requestId")
      .selectAll("outbox")
      .select("requests.number as requestNumber")
      .orderBy("outbox.createdAt", "desc")
      .orderBy("outbox.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
    const { total } = await db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow();
    return c.json(
      {
        delivery: config.smtpDelivery ? ("smtp" as const) : ("outbox-only" as const),
        total: Number(total),
        limit,
        offset,
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          to: row.toAddress,
          locale: row.locale,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          headers: parseHeaders(row.headers),
          messageId: row.messageId,
          requestId: row.requestId,
          reference: row.requestNumber ? formatRequestReference(row.requestNumber) : null,
          createdAt: row.createdAt,
          sentAt: row.sentAt,
          attempts: row.attempts,
          nextAttemptAt: row.nextAttemptAt,
          lastError: row.lastError,
        })),
      },
      200,
    );
  });
}
