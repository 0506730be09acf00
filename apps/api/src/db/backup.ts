/**
 * Backup and restore of the database at DATABASE_URL, for both engines (`pnpm --filter @cirrus/api
 * backup <file>` / `restore <file>`, see src/db/cli.ts and the README's "Production" section).
 *
 * - SQLite: `VACUUM INTO` takes a consistent copy of the live file while the API runs (one snapshot,
 *   compacted), checked with `PRAGMA integrity_check`. Restore checks the backup the same way, then
 *   replaces the file — with the API stopped, since a running API keeps the old file open. The file
 *   it replaces is kept beside it (`<file>.before-restore-<time>`), and its WAL/SHM are set aside so
 *   they cannot be replayed over the restored copy.
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot, online) and `pg_restore --clean
 *   --if-exists --single-transaction` (all or nothing), from PG_BIN, else PostgreSQL 15's usual
 *   place, else PATH. Use pg_dump of the same major version as the server or newer.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { backupSqlite, openDatabase, sqlitePath } from "./connect.ts";
import { pendingMigrations } from "./migrate.ts";

const isPostgres = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** Where pg_dump and pg_restore are: PG_BIN, PostgreSQL 15's Debian folder, or the PATH. */
export function pgTool(
  name: "pg_dump" | "pg_restore",
  env: Record<string, string | undefined> = process.env,
): string {
  for (const folder of [env.PG_BIN, "/usr/lib/postgresql/15/bin"]) {
    if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  return name;
}

/**
 * Writes a backup of the database at `url` to `file` (which must not exist).
 * @example await backupDatabase("data/cirrus.sqlite", "backups/2026-11-26.sqlite")
 */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`Backup target already exists: ${target}`);
  if (isPostgres(url)) {
    execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", target, "--dbname", url], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    return;
  }
  const opened = await openDatabase(url);
  try {
    await backupSqlite(opened.db, target);
  } finally {
    await opened.close();
  }
  await checkSqliteFile(target);
}

/**
 * Replaces the database at `url` with the backup in `file`. Stop the API first.
 * @example await restoreDatabase("data/cirrus.sqlite", "backups/2026-11-26.sqlite")
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`Backup not found: ${source}`);
  if (isPostgres(url)) {
    execFileSync(
      pgTool("pg_restore"),
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        url,
        source,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    return;
  }
  await checkSqliteFile(source);
  const target = sqlitePath(url);
  if (target === ":memory:") throw new Error("Cannot restore into an in-memory database");
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(target + suffix))
      renameSync(target + suffix, `${target}.before-restore-${stamp}${suffix}`);
  }
  renameSync(staging, target);
}

/** A SQLite backup must pass integrity_check and carry a migrated schema before it is trusted. */
async function checkSqliteFile(path: string): Promise<void> {
  const opened = await openDatabase(path);
  try {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(opened.db);
    if (rows.length !== 1 || rows[0]?.integrity_check !== "ok") {
      throw new Error(`${path} fails the integrity check: ${rows.map((r) => r.integrity_check).join("; ")}`);
    }
    const { applied } = await pendingMigrations(opened.db);
    if (applied === 0) throw new Error(`${path} is not a Cirrus Shield Support database (no migrations)`);
  } finally {
    await opened.close();
  }
}
