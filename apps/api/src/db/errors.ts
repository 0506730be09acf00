// Recognizes database errors the API answers specially, the same way on SQLite and PostgreSQL.
import { AbortedTransactionError } from "kysely";
import { DatabaseError } from "pg";

/** SQLite extended result codes (sqlite.org/rescode.html) and PostgreSQL SQLSTATEs we look for. */
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const PG_UNIQUE_VIOLATION = "23505";
const PG_FOREIGN_KEY_VIOLATION = "23503";

/** A duplicate key: unique index or primary key (e.g. an e-mail already in use). */
export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code !== undefined) return code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY;
  return pgCode(error) === PG_UNIQUE_VIOLATION;
}

/** A reference to a row that does not exist (or a delete of a row still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code !== undefined) return code === SQLITE_CONSTRAINT_FOREIGNKEY;
  return pgCode(error) === PG_FOREIGN_KEY_VIOLATION;
}

/**
 * The database cannot serve right now but may soon: SQLite still locked after busy_timeout, its file
 * read-only, unopenable or failing I/O, or PostgreSQL unreachable, restarting, read-only (a standby)
 * or out of connections. Worth a 503 with Retry-After, not a 500: none of these is the caller's fault
 * nor a bug, and none is fixed by anything but the operator (or time). A full disk is one of them
 * too, but gets its own code (`isStorageFull`) so an operator reading the logs knows what to fix.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // SQLITE_FULL / SQLITE_IOERR inside a group commit roll the whole transaction back by themselves:
  // the members that did not cause it learn it through Kysely's AbortedTransactionError.
  if (error instanceof AbortedTransactionError) return true;
  if (isStorageFull(error)) return true;
  const code = sqliteCode(error);
  if (code !== undefined) {
    // The low byte is the primary code (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED
    // etc. are variants of their primary code).
    const primary = code & 0xff;
    return [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN].includes(primary);
  }
  const sqlState = pgCode(error);
  if (sqlState !== undefined) {
    // 08: connection exception; 53300: too many connections; 57P01-57P03: shutdown or starting up;
    // 25006: read-only transaction (connected to a standby during a failover).
    return (
      sqlState.startsWith("08") ||
      sqlState === "53300" ||
      sqlState === "25006" ||
      /^57P0[123]$/.test(sqlState)
    );
  }
  if (!(error instanceof Error)) return false;
  const systemCode = (error as NodeJS.ErrnoException).code;
  if (
    systemCode &&
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"].includes(systemCode)
  ) {
    return true;
  }
  // pg-pool's and pg's own wording for a connect timeout and a dropped connection — and for a query
  // on a client whose connection already failed: a transaction cut by a server restart fails its
  // ROLLBACK with that one, which then hides the original 57P01.
  return /timeout exceeded when trying to connect|Connection terminated|(encountered a connection error|was closed) and is not queryable/i.test(
    error.message,
  );
}

/**
 * The database's storage is full: SQLITE_FULL (the disk, or `max_page_count`, which is how the tests
 * play a full disk without root) or PostgreSQL's disk_full (53100). A 503 `storage-full`: the write
 * is rolled back whole, nothing is corrupted, and it succeeds again once space is freed.
 */
export function isStorageFull(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code !== undefined) return (code & 0xff) === SQLITE_FULL;
  return pgCode(error) === "53100";
}

/** SQLITE_BUSY, in any variant: another connection holds the lock this statement needs. */
export function isSqliteBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code & 0xff) === SQLITE_BUSY;
}

/** node:sqlite errors carry `code: "ERR_SQLITE_ERROR"` and the extended result code in `errcode`. */
function sqliteCode(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  return code === "ERR_SQLITE_ERROR" && typeof errcode === "number" ? errcode : undefined;
}

/** Errors the PostgreSQL server sent carry the five-character SQLSTATE in `code`. */
function pgCode(error: unknown): string | undefined {
  return error instanceof DatabaseError ? error.code : undefined;
}

/**
 * Text the database cannot store (PostgreSQL refuses NUL characters in text: 22021, 22P05). The
 * caller's input is at fault: answer 400, not 500.
 * @example isUnstorableText(Object.assign(new Error("invalid byte sequence"), { code: "22021" })) // true
 */
export function isUnstorableText(error: unknown): boolean {
  const code = pgCode(error);
  return code === "22021" || code === "22P05";
}
