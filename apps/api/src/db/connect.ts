// Opens the database named by DATABASE_URL: PostgreSQL through `pg`, anything else as an embedded SQLite file.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect, SqliteAdapter, sql } from "kysely";
import { Pool, TypeOverrides } from "pg";
import type { Database } from "./schema.ts";
import { NodeSqliteDialect } from "./sqlite-dialect.ts";

export type Engine = "sqlite" | "postgres";

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** Ends the pool (PostgreSQL) or closes the file (SQLite). */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL: largest number of pooled connections. Default 10. */
  poolMax?: number;
  /** PostgreSQL: the schema every connection works in (tests use one fresh schema each). */
  searchPath?: string;
}

/**
 * Opens a database: `postgres://` or `postgresql://` URLs go to PostgreSQL; anything else is a SQLite
 * file path, a `file:` URL or `:memory:`. PostgreSQL is contacted once, so a wrong URL or a server
 * that is down fails here rather than on the first request.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme && scheme.toLowerCase() !== "file") {
    throw new Error(`Unsupported DATABASE_URL scheme "${scheme}:": use postgres://… or a SQLite file path`);
  }
  return openSqlite(sqlitePath(url));
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.searchPath !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(options.searchPath)) {
    throw new Error(`Invalid PostgreSQL schema name "${options.searchPath}"`);
  }
  const pool = new Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    // A server that is down or unreachable answers an error after 5 s instead of hanging a request.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // No API query should take long; a runaway one is cancelled instead of holding a connection.
    statement_timeout: 30_000,
    // A transaction left open by a crashed handler must not keep its locks.
    idle_in_transaction_session_timeout: 60_000,
    application_name: "cirrus-api",
    types: pgTypes,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client losing its connection (server restart) emits "error" on the pool; unhandled, it
  // would crash the process. The pool drops that client and the next query opens a new one.
  pool.on("error", (error) => {
    console.error(`PostgreSQL idle connection error: ${error.message}`);
  });
  // The same for a client that is checked out but between queries when the server goes away (a
  // restart sends 57P01 then resets the socket): pg emits "error" on the client itself, and without
  // a listener the process dies. The query in progress, if any, still gets the error (→ 503), and
  // pg-pool discards the broken client when it is released.
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      console.error(`PostgreSQL connection error: ${error.message}`);
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { db, engine: "postgres", close: () => db.destroy() };
}

/**
 * `count(*)` and `sum()` are bigint (int8) on PostgreSQL, which `pg` returns as strings; SQLite returns
 * numbers. Parse them as numbers here so both engines answer alike — refusing, as node:sqlite does,
 * values beyond 2^53 rather than rounding them. `numeric` (e.g. `avg()`) stays a string: cast it.
 */
const pgTypes = new TypeOverrides();
pgTypes.setTypeParser(20, (text: string) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond 2^53`);
  return value;
});

/**
 * `bytea` as a plain Uint8Array, as node:sqlite returns blobs (pg would give a Buffer). PostgreSQL
 * sends bytea in hex (`\x…`, the default `bytea_output` since 9.0).
 */
pgTypes.setTypeParser(17, (text: string) => {
  if (!text.startsWith("\\x")) throw new Error("bytea_output must be 'hex'");
  const buffer = Buffer.from(text.slice(2), "hex");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
});

function openSqlite(path: string): OpenedDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new DatabaseSync(path);
  try {
    // First: the pragmas below wait for a lock another process holds (one starting at the same time).
    database.exec("pragma busy_timeout = 5000");
    // WAL: readers never block the writer. synchronous=FULL: a committed transaction survives a power
    // cut, not only a process crash (NORMAL may lose the last commits in WAL mode).
    const mode = database.prepare("pragma journal_mode = wal").get()?.journal_mode;
    if (path !== ":memory:" && mode !== "wal") {
      throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)})`);
    }
    database.exec("pragma synchronous = full");
    database.exec("pragma foreign_keys = on");
    // SQLite's built-in lower() only folds ASCII; PostgreSQL's folds every letter. Searches lower-case
    // both sides, so give SQLite the same Unicode folding ("Équipe" must match "équipe").
    database.function("lower", { deterministic: true }, (value) =>
      typeof value === "string" ? value.toLowerCase() : value,
    );
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect({ database }) });
  return { db, engine: "sqlite", close: () => db.destroy() };
}

/** A file path from a plain path, a `file:` URL (absolute `file:///…` or relative `file:data/x.db`) or `:memory:`. */
export function sqlitePath(url: string): string {
  if (url === ":memory:") return url;
  if (url.startsWith("file://")) return fileURLToPath(url);
  if (!url.startsWith("file:")) return resolve(url);
  if (url.includes("?")) throw new Error(`SQLite URI parameters are not supported: ${url}`);
  return resolve(url.slice("file:".length));
}

/**
 * Copies a live SQLite database to `path` with `VACUUM INTO` (a consistent snapshot, compacted,
 * taken without stopping writers for long). The target must not exist yet.
 */
export async function backupSqlite(db: Kysely<Database>, path: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    throw new Error("backupSqlite works on SQLite only; back PostgreSQL up with pg_dump");
  }
  const target = resolve(path);
  if (existsSync(target)) throw new Error(`Backup target already exists: ${target}`);
  mkdirSync(dirname(target), { recursive: true });
  await sql`vacuum into ${target}`.execute(db);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
