// Canned replies: texts agents insert into their answers, per language. Imports only kysely.
import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was when written, not today's schema.ts (Kysely's own advice).
type AnyDatabase = Kysely<any>;

export async function up(db: AnyDatabase): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const strict = <T extends CreateTableBuilder<string, string>>(table: T): T =>
    (sqlite ? table.modifyEnd(sql`strict`) : table) as T;

  await db.schema
    .createTable("cannedReplies")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("createdBy", "text", (c) => c.notNull().references("users.id"))
    .addColumn("createdAt", "text", (c) => c.notNull())
    .addColumn("updatedAt", "text", (c) => c.notNull())
    .$call(strict)
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable("cannedReplies").execute();
}
