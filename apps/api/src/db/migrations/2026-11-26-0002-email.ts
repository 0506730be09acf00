// The e-mail channel: our Message-IDs and sender claims on the outbox, e-mail ids on messages, and
// the log of inbound mail (idempotent on Message-ID). Imports only kysely.
import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was when written, not today's schema.ts (Kysely's own advice).
type AnyDatabase = Kysely<any>;

export async function up(db: AnyDatabase): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const strict = <T extends CreateTableBuilder<string, string>>(table: T): T =>
    (sqlite ? table.modifyEnd(sql`strict`) : table) as T;

  // Our own `Message-ID` of each outgoing mail (stable across retries), so that a customer's reply
  // (`In-Reply-To`) finds its request; and the lease of the sender that claimed the row.
  await db.schema.alterTable("outbox").addColumn("messageId", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claimedUntil", "text").execute();
  await db.schema.createIndex("outbox_messageId_idx").on("outbox").column("messageId").unique().execute();
  // The development mailbox lists the newest rows first.
  await db.schema.createIndex("outbox_createdAt_idx").on("outbox").column("createdAt").execute();

  // The `Message-ID` of the e-mail a message came in with (null for portal messages).
  await db.schema.alterTable("messages").addColumn("emailMessageId", "text").execute();
  await db.schema
    .createIndex("messages_emailMessageId_idx")
    .on("messages")
    .column("emailMessageId")
    .execute();

  // Every mail the SMTP listener accepted, once per Message-ID, with what was done with it.
  await db.schema
    .createTable("inboundMail")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("messageId", "text", (c) => c.notNull().unique())
    .addColumn("fromAddress", "text", (c) => c.notNull())
    .addColumn("fromNormalized", "text", (c) => c.notNull())
    .addColumn("envelopeFrom", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("textBody", "text", (c) => c.notNull())
    .addColumn("attachmentCount", "integer", (c) => c.notNull())
    .addColumn("receivedAt", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("autoReplied", "integer", (c) => c.notNull())
    .addColumn("requestId", "text", (c) => c.references("requests.id"))
    .addColumn("userId", "text", (c) => c.references("users.id"))
    .$call(strict)
    .execute();
  // "At most one auto-reply per sender per 24 h": the sender's latest mails.
  await db.schema
    .createIndex("inboundMail_fromNormalized_receivedAt_idx")
    .on("inboundMail")
    .columns(["fromNormalized", "receivedAt"])
    .execute();
  await db.schema.createIndex("inboundMail_receivedAt_idx").on("inboundMail").column("receivedAt").execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable("inboundMail").execute();
  await db.schema.dropIndex("messages_emailMessageId_idx").execute();
  await db.schema.alterTable("messages").dropColumn("emailMessageId").execute();
  await db.schema.dropIndex("outbox_createdAt_idx").execute();
  await db.schema.dropIndex("outbox_messageId_idx").execute();
  await db.schema.alterTable("outbox").dropColumn("claimedUntil").execute();
  await db.schema.alterTable("outbox").dropColumn("messageId").execute();
}
