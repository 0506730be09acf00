/**
 * Runs the schema migrations. Migrations are listed here, not found on disk, so this works from any
 * working directory and in any bundle.
 *
 * Run them once, from one process, before serving (`node src/db/cli.ts migrate`, or at start-up of
 * the single embedded API process). On PostgreSQL, Kysely takes an advisory lock and runs each
 * migration in a transaction; on SQLite it does neither, so two processes migrating the same file
 * at once, or a migration failing half-way, can leave the schema in between.
 */
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { type Migration, type MigrationResult, Migrator } from "kysely/migration";
import * as initial from "./migrations/2026-11-26-0001-initial.ts";
import * as email from "./migrations/2026-11-26-0002-email.ts";
import * as cannedReplies from "./migrations/2026-11-26-0003-canned-replies.ts";
import * as attachments from "./migrations/2026-11-26-0004-attachments.ts";
import * as runningDue from "./migrations/2026-11-26-0005-running-due.ts";
import type { Database } from "./schema.ts";

/** Every migration, by name; names sort in the order they run (date-prefixed). */
const migrations: Record<string, Migration> = {
  "2026-11-26-0001-initial": initial,
  "2026-11-26-0002-email": email,
  "2026-11-26-0003-canned-replies": cannedReplies,
  "2026-11-26-0004-attachments": attachments,
  "2026-11-26-0005-running-due": runningDue,
};

/** A Migrator over this app's migrations, for tools and tests that need more than `migrateToLatest`. */
export async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in every schema of a PostgreSQL database; pin them to
    // the schema this connection works in, or a second schema (one per test run) would be taken
    // for already migrated.
    ...(db.getExecutor().adapter instanceof PostgresAdapter
      ? { migrationTableSchema: await currentSchema(db) }
      : {}),
  });
}

/**
 * Applies the migrations not yet applied; returns their names (empty when already up to date).
 * Throws, naming the failed migration, when one fails.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return migrate(db);
  return db.connection().execute(async (connection) => {
    // The API's pool cancels statements after 30 s; building an index on a large table may take
    // longer. Lift the limit for this connection only, and restore it before the pool reuses it.
    await sql`set statement_timeout = 0`.execute(connection);
    try {
      return await migrate(connection);
    } finally {
      await sql`reset statement_timeout`.execute(connection);
    }
  });
}

/**
 * The migrations this code knows that the database has not applied yet (empty when up to date),
 * and how many it has. One read of Kysely's bookkeeping table; for readiness checks.
 */
export async function pendingMigrations(
  db: Kysely<Database>,
): Promise<{ pending: string[]; applied: number }> {
  const migrator = await createMigrator(db);
  const all = await migrator.getMigrations();
  return {
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
    applied: all.filter((m) => m.executedAt !== undefined).length,
  };
}

async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = await createMigrator(db);
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result: MigrationResult) => result.status === "Error");
    const what = failed ? `migration "${failed.migrationName}" failed` : "migrating failed";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database ${what}: ${reason}`, { cause: error });
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("PostgreSQL has no current schema: check the search_path");
  return schema;
}
