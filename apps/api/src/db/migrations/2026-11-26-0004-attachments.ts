// Attachments: metadata of files attached to messages, and their content in chunks when they are
// stored in the database (the default, so the embedded install and its backup stay one file).
// Imports only kysely.
import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was when written, not today's schema.ts (Kysely's own advice).
type AnyDatabase = Kysely<any>;

export async function up(db: AnyDatabase): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const strict = <T extends CreateTableBuilder<string, string>>(table: T): T =>
    (sqlite ? table.modifyEnd(sql`strict`) : table) as T;

  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("uploaderId", "text", (c) => c.notNull().references("users.id"))
    // Null until the file is attached to a message (a pending upload, visible to its uploader only).
    .addColumn("requestId", "text", (c) => c.references("requests.id"))
    .addColumn("messageId", "text", (c) => c.references("messages.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mediaType", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage", "text", (c) => c.notNull())
    // "uploading" while the content streams in; "stored" once complete and checked.
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("createdAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  await db.schema.createIndex("attachments_messageId_idx").on("attachments").column("messageId").execute();
  await db.schema.createIndex("attachments_requestId_idx").on("attachments").column("requestId").execute();
  // Pending uploads: per uploader (linking, quota) and by age (clean-up).
  await db.schema
    .createIndex("attachments_uploaderId_messageId_idx")
    .on("attachments")
    .columns(["uploaderId", "messageId"])
    .execute();
  await db.schema.createIndex("attachments_createdAt_idx").on("attachments").column("createdAt").execute();

  await db.schema
    .createTable("attachmentChunks")
    .addColumn("attachmentId", "text", (c) => c.notNull().references("attachments.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", sqlite ? "blob" : sql`bytea`, (c) => c.notNull())
    .addPrimaryKeyConstraint("attachmentChunks_pk", ["attachmentId", "seq"])
    .$call(strict)
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable("attachmentChunks").execute();
  await db.schema.dropTable("attachments").execute();
}
