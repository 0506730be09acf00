// The initial schema: every table of schema.ts, on SQLite and PostgreSQL alike. Imports only kysely.
import { type ColumnDataType, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was when written, not today's schema.ts (Kysely's own advice).
type AnyDatabase = Kysely<any>;

/**
 * Column types that read back the same in JavaScript on both engines: `integer` is int4 on
 * PostgreSQL (pg returns int8 as a string), and fractional numbers are `double precision` there and
 * `real` (8-byte) on SQLite — PostgreSQL's own `real` is only 4 bytes. SQLite tables are STRICT, so
 * a string in an integer column is refused there as it is on PostgreSQL.
 */
function columnTypes(db: AnyDatabase) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return {
    sqlite,
    double: (sqlite ? "real" : "double precision") as ColumnDataType,
  };
}

export async function up(db: AnyDatabase): Promise<void> {
  const { sqlite, double } = columnTypes(db);
  const strict = <T extends CreateTableBuilder<string, string>>(table: T): T =>
    (sqlite ? table.modifyEnd(sql`strict`) : table) as T;

  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("addOns", "text", (c) => c.notNull())
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("updatedAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("organizationId", "text", (c) => c.references("organizations.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("emailNormalized", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("passwordHash", "text")
    .addColumn("disabledAt", "text")
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("updatedAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  await db.schema.createIndex("users_organizationId_idx").on("users").column("organizationId").execute();

  // Credentials die with their user.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("secretHash", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("lastUsedAt", "text", (c) => c.notNull())
    .addColumn("userAgent", "text")
    .$call(strict)
    .execute();
  await db.schema.createIndex("sessions_userId_idx").on("sessions").column("userId").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("tokenHash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("emailNormalized", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.references("organizations.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("invitedBy", "text", (c) => c.notNull().references("users.id"))
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("expiresAt", "text", (c) => c.notNull())
    .addColumn("acceptedAt", "text")
    .addColumn("revokedAt", "text")
    .$call(strict)
    .execute();

  await db.schema
    .createTable("passwordResets")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("tokenHash", "text", (c) => c.notNull().unique())
    .addColumn("userId", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("expiresAt", "text", (c) => c.notNull())
    .addColumn("usedAt", "text")
    .$call(strict)
    .execute();
  await db.schema.createIndex("passwordResets_userId_idx").on("passwordResets").column("userId").execute();

  await db.schema
    .createTable("requests")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("openedBy", "text", (c) => c.notNull().references("users.id"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("criticality", "text")
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("statusChangedAt", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("receivedAt", "text", (c) => c.notNull())
    .addColumn("firstResponseDueAt", "text")
    .addColumn("firstRespondedAt", "text")
    .addColumn("awaitingReplySince", "text")
    .addColumn("assigneeId", "text", (c) => c.references("users.id"))
    .addColumn("linkedRequestId", "text", (c) => c.references("requests.id"))
    .addColumn("updatedAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  // An organization's requests, most recently updated first, paged by (updatedAt, id).
  await db.schema
    .createIndex("requests_organizationId_updatedAt_id_idx")
    .on("requests")
    .columns(["organizationId", "updatedAt", "id"])
    .execute();
  await db.schema.createIndex("requests_status_idx").on("requests").column("status").execute();
  await db.schema.createIndex("requests_assigneeId_idx").on("requests").column("assigneeId").execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("requestId", "text", (c) => c.notNull().references("requests.id"))
    .addColumn("authorId", "text", (c) => c.notNull().references("users.id"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("createdAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  await db.schema
    .createIndex("messages_requestId_createdAt_idx")
    .on("messages")
    .columns(["requestId", "createdAt"])
    .execute();

  await db.schema
    .createTable("quotes")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("requestId", "text", (c) => c.notNull().references("requests.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("amountCents", "integer", (c) => c.notNull())
    .addColumn("effortDays", double, (c) => c.notNull())
    .addColumn("validUntil", "text", (c) => c.notNull())
    .addColumn("terms", "text", (c) => c.notNull())
    .addColumn("proposedBy", "text", (c) => c.notNull().references("users.id"))
    .addColumn("proposedAt", "text", (c) => c.notNull())
    .addColumn("decidedBy", "text", (c) => c.references("users.id"))
    .addColumn("decidedAt", "text")
    .$call(strict)
    .execute();
  await db.schema.createIndex("quotes_requestId_idx").on("quotes").column("requestId").execute();

  await db.schema
    .createTable("requestEvents")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("requestId", "text", (c) => c.notNull().references("requests.id"))
    .addColumn("actorId", "text", (c) => c.references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("fromValue", "text")
    .addColumn("toValue", "text")
    .addColumn("reason", "text")
    .addColumn("createdAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  await db.schema
    .createIndex("requestEvents_requestId_createdAt_idx")
    .on("requestEvents")
    .columns(["requestId", "createdAt"])
    .execute();

  await db.schema
    .createTable("rateLimits")
    .addColumn("key", "text", (c) => c.primaryKey().notNull())
    .addColumn("tokens", double, (c) => c.notNull())
    .addColumn("updatedAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("toAddress", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("textBody", "text", (c) => c.notNull())
    .addColumn("htmlBody", "text")
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("requestId", "text", (c) => c.references("requests.id"))
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("nextAttemptAt", "text", (c) => c.notNull())
    .addColumn("sentAt", "text")
    .addColumn("lastError", "text")
    .$call(strict)
    .execute();
  // The sender's query: unsent mail (sentAt is null) whose next attempt is due.
  await db.schema
    .createIndex("outbox_sentAt_nextAttemptAt_idx")
    .on("outbox")
    .columns(["sentAt", "nextAttemptAt"])
    .execute();

  await db.schema
    .createTable("feedback")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("article", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("helpful", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("createdAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();

  // Staff administration actions; rows are never updated or deleted.
  await db.schema
    .createTable("auditLog")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("actorId", "text", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entityType", "text", (c) => c.notNull())
    .addColumn("entityId", "text", (c) => c.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("createdAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
  // One record's history, and the whole log newest first.
  await db.schema
    .createIndex("auditLog_entityType_entityId_createdAt_idx")
    .on("auditLog")
    .columns(["entityType", "entityId", "createdAt"])
    .execute();
  await db.schema.createIndex("auditLog_createdAt_idx").on("auditLog").column("createdAt").execute();

  await db.schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey().notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .$call(strict)
    .execute();
  // Request numbers (CS-000001…) come from this row, incremented with `update … returning`.
  await db.insertInto("counters").values({ name: "request", value: 0 }).execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  // Children before parents, so no foreign key is left pointing at a dropped table.
  for (const table of [
    "auditLog",
    "counters",
    "feedback",
    "outbox",
    "rateLimits",
    "requestEvents",
    "quotes",
    "messages",
    "requests",
    "passwordResets",
    "invitations",
    "sessions",
    "users",
    "organizations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
