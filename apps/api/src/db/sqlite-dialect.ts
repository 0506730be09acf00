// Kysely dialect for Node's built-in `node:sqlite` (Kysely's SqliteDialect expects better-sqlite3).
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import {
  AbortedTransactionError,
  type CompiledQuery,
  createQueryId,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  IdentifierNode,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { isSqliteBusy } from "./errors.ts";

export interface NodeSqliteDialectConfig {
  /** An open database, or a function opening it when Kysely first needs it. */
  database: DatabaseSync | (() => DatabaseSync | Promise<DatabaseSync>);
  /** Prepared statements kept per SQL text (least recently used evicted). Default 500. */
  statementCacheSize?: number;
}

export class NodeSqliteDialect implements Dialect {
  readonly #config: NodeSqliteDialectConfig;

  constructor(config: NodeSqliteDialectConfig) {
    this.#config = { ...config };
  }

  createDriver(): Driver {
    return new NodeSqliteDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new NodeSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/**
 * SQLite's adapter, except that Kysely must not serialize the connection itself: the driver does,
 * so that a committed transaction can hand the connection over before its group is flushed.
 */
class NodeSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** Group commit limits: flush when nobody waits, or at this many transactions, or after this long. */
const MAX_GROUP_SIZE = 128;
const MAX_GROUP_AGE_MS = 8;

interface GroupMember {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit. With \`synchronous=FULL\` every COMMIT waits for the disk (a few hundred per second
 * on a VM), so concurrent transactions share one: each runs inside one outer transaction as a
 * savepoint of its own (released on commit, rolled back alone on error), and its commit resolves
 * only after the outer COMMIT has reached the disk — an acknowledged write is still durable. The
 * outer transaction commits as soon as nobody else waits for the connection (so a lone writer waits
 * for nothing), or at MAX_GROUP_SIZE members, or MAX_GROUP_AGE_MS after it began. A write outside
 * any transaction first commits the open group, then runs on its own. A read outside any
 * transaction may see rows of a group that is not yet committed (only their writers' answers are
 * held back); if that COMMIT then fails, every member gets the error.
 */
export class NodeSqliteDriver implements Driver {
  readonly #config: NodeSqliteDialectConfig;
  readonly #mutex = new ConnectionMutex();
  #database: DatabaseSync | undefined;
  #connection: NodeSqliteConnection | undefined;
  #group: { members: GroupMember[]; startedAt: number } | undefined;
  #savepoints = 0;
  #busyTimeout: StatementSync | undefined;

  constructor(config: NodeSqliteDialectConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {
    const { database } = this.#config;
    this.#database = typeof database === "function" ? await database() : database;
    this.#connection = new NodeSqliteConnection(this.#database, this.#config.statementCacheSize ?? 500);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection for everyone, and Kysely awaits between the statements of a transaction: without
    // this lock a concurrent request's statements would run inside someone else's transaction.
    await this.#mutex.lock();
    if (!this.#connection) {
      this.#handOver();
      throw new Error("node:sqlite driver is not initialized or already destroyed");
    }
    return new Lease(this.#connection, this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return; // handed over early, at commit
    lease.released = true;
    this.#handOver();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.#database?.isTransaction) {
      // `immediate` takes the write lock now: a deferred transaction that reads then writes can fail
      // with SQLITE_BUSY on the upgrade, which busy_timeout does not retry. Isolation settings are
      // ignored: SQLite transactions are always serializable.
      await this.withWriteLockWait(() => lease.raw("begin immediate"));
      this.#group = { members: [], startedAt: Date.now() };
    }
    lease.savepoint = `group_member_${++this.#savepoints}`;
    lease.raw(`savepoint ${lease.savepoint}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // Some errors (SQLITE_FULL, SQLITE_IOERR, …) roll the whole transaction back by themselves; say
    // so instead of failing with "cannot commit - no transaction is active".
    if (!this.#database?.isTransaction || !this.#group) {
      this.#failGroup(new AbortedTransactionError());
      throw new AbortedTransactionError();
    }
    lease.raw(`release ${lease.savepoint}`);
    lease.savepoint = undefined;
    const durable = new Promise<void>((resolve, reject) => this.#group?.members.push({ resolve, reject }));
    lease.released = true;
    this.#handOver();
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const savepoint = lease.savepoint;
    lease.savepoint = undefined;
    // Same case as in commit: the database already rolled everything back; the group is lost.
    if (!this.#database?.isTransaction) {
      this.#failGroup(new AbortedTransactionError());
      return;
    }
    if (savepoint) {
      lease.raw(`rollback to ${savepoint}`);
      lease.raw(`release ${savepoint}`);
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await connection.executeQuery(compile(savepointCommand("savepoint", name), createQueryId()));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await connection.executeQuery(compile(savepointCommand("rollback to", name), createQueryId()));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await connection.executeQuery(compile(savepointCommand("release", name), createQueryId()));
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    this.#flushGroup();
    const database = this.#database;
    this.#connection = undefined;
    this.#database = undefined;
    this.#mutex.unlock();
    if (!database?.isOpen) return;
    // SQLite's advice for connections that close: let the planner refresh its statistics.
    database.exec("pragma optimize");
    database.close();
  }

  /** Before a statement outside any transaction: a write first commits the open group. */
  beforeStatement(lease: Lease, compiledQuery: CompiledQuery): void {
    if (this.#group && !lease.savepoint && !isRead(compiledQuery)) this.#flushGroup();
  }

  /**
   * Runs a statement that takes the write lock, waiting on timers while another process holds it
   * (as long as the connection's busy_timeout, then SQLITE_BUSY as before). Why not SQLite's own
   * wait: its busy handler sleeps in this thread, so one API process waiting for another's group
   * commit would stop answering anything (measured with two processes opening requests: p99 241 ms).
   * Here the busy timeout is off for each attempt and the wait is a `setTimeout`: this process's
   * other requests go on, and those needing the connection queue behind the mutex.
   */
  async withWriteLockWait<T>(statement: () => T): Promise<T> {
    const database = this.#database;
    if (!database) return statement();
    this.#busyTimeout ??= database.prepare("pragma busy_timeout");
    const timeoutMs = Number(Object.values(this.#busyTimeout.get() ?? {})[0] ?? 0);
    if (timeoutMs === 0) return statement();
    const deadline = performance.now() + timeoutMs;
    for (let delay = 0.25; ; delay = Math.min(delay * 2, 4)) {
      database.exec("pragma busy_timeout = 0");
      try {
        return statement();
      } catch (error) {
        if (!isSqliteBusy(error) || performance.now() + delay > deadline) throw error;
      } finally {
        database.exec(`pragma busy_timeout = ${timeoutMs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /**
   * Gives the connection to the next waiter, committing the open group first when it is full or old.
   * When nobody waits, the COMMIT is deferred by one turn of the event loop (`setImmediate`): the
   * requests whose bytes have already arrived get to run up to their own transaction and join the
   * group, instead of each paying a COMMIT (its WAL frames and fsync) of its own. A lone writer
   * waits for that one turn only.
   */
  #handOver(): void {
    const group = this.#group;
    if (
      group &&
      (group.members.length >= MAX_GROUP_SIZE || Date.now() - group.startedAt >= MAX_GROUP_AGE_MS)
    ) {
      this.#flushGroup();
    } else if (group && !this.#mutex.hasWaiters()) {
      this.#scheduleFlush();
    }
    this.#mutex.unlock();
  }

  #flushScheduled = false;

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      if (!this.#group) return;
      // Behind whoever queued meanwhile: they join the group first, then it commits.
      void this.#mutex.lock().then(() => {
        this.#flushGroup();
        this.#mutex.unlock();
      });
    });
  }

  /** Commits the outer transaction (we hold the connection) and settles every member. */
  #flushGroup(): void {
    const group = this.#group;
    if (!group) return;
    this.#group = undefined;
    try {
      if (!this.#database?.isTransaction) throw new AbortedTransactionError();
      this.#database.exec("commit");
      for (const member of group.members) member.resolve();
    } catch (error) {
      if (this.#database?.isTransaction) this.#database.exec("rollback");
      for (const member of group.members) member.reject(error);
    }
  }

  #failGroup(error: unknown): void {
    const group = this.#group;
    this.#group = undefined;
    for (const member of group?.members ?? []) member.reject(error);
  }
}

/** One holder's use of the shared connection, from acquire to release. */
class Lease implements DatabaseConnection {
  readonly #connection: NodeSqliteConnection;
  readonly #driver: NodeSqliteDriver;
  /** This holder's savepoint inside the group while its transaction runs. */
  savepoint: string | undefined;
  released = false;

  constructor(connection: NodeSqliteConnection, driver: NodeSqliteDriver) {
    this.#connection = connection;
    this.#driver = driver;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    this.#driver.beforeStatement(this, compiledQuery);
    // A write on its own (no transaction) takes the write lock itself: wait for it on timers too.
    // Not pragmas: they may set busy_timeout itself, which the wait turns off and back on.
    if (!this.savepoint && !isRead(compiledQuery) && !/^\s*pragma\b/i.test(compiledQuery.sql)) {
      return this.#driver.withWriteLockWait(() => this.#connection.executeQuerySync<R>(compiledQuery));
    }
    return this.#connection.executeQuery<R>(compiledQuery);
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    this.#driver.beforeStatement(this, compiledQuery);
    return this.#connection.streamQuery<R>(compiledQuery, chunkSize);
  }

  raw(sqlText: string): void {
    this.#connection.exec(sqlText);
  }
}

/** Statements that only read (a write outside a transaction must not join an uncommitted group). */
function isRead(compiledQuery: CompiledQuery): boolean {
  if (SelectQueryNode.is(compiledQuery.query)) return true;
  return /^\s*select\b/i.test(compiledQuery.sql) || /^\s*pragma\s+\w+\s*;?\s*$/i.test(compiledQuery.sql);
}

/** A prepared statement and, when it returns rows, its row builder (made once, not per call). */
interface Prepared {
  readonly statement: StatementSync;
  readonly toRow: ((values: unknown[]) => object) | null;
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #database: DatabaseSync;
  readonly #statements = new Map<string, Prepared>();
  readonly #cacheSize: number;

  constructor(database: DatabaseSync, cacheSize: number) {
    this.#database = database;
    this.#cacheSize = cacheSize;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.executeQuerySync<R>(compiledQuery);
  }

  executeQuerySync<R>(compiledQuery: CompiledQuery): QueryResult<R> {
    const { statement, toRow } = this.#prepare(compiledQuery.sql);
    const parameters = toSqliteParameters(compiledQuery.parameters);
    if (toRow) {
      return { rows: (statement.all(...parameters) as unknown as unknown[][]).map(toRow) as R[] };
    }
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    // A statement of its own, not the cached one: running the same SQL while iterating would reset it.
    const { statement, toRow } = prepare(this.#database, compiledQuery.sql);
    if (!toRow) throw new Error("node:sqlite driver can only stream statements that return rows");
    let rows: R[] = [];
    for (const row of statement.iterate(...toSqliteParameters(compiledQuery.parameters))) {
      rows.push(toRow(row as unknown as unknown[]) as R);
      if (rows.length >= chunkSize) {
        yield { rows };
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows };
  }

  /** Runs a statement without parameters or results (transaction control). */
  exec(sqlText: string): void {
    this.#database.exec(sqlText);
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const prepared = prepare(this.#database, sql);
    this.#statements.set(sql, prepared);
    if (this.#statements.size > this.#cacheSize) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return prepared;
  }
}

/**
 * Prepares a statement that returns its rows as arrays. node:sqlite's own row objects have a null
 * prototype and are slow to build and to copy (measured: 21 rows of the requests list took 340 µs
 * as objects copied to plain ones, 136 µs as arrays turned into plain objects here).
 */
function prepare(database: DatabaseSync, sql: string): Prepared {
  const statement = database.prepare(sql);
  const names = statement.columns().map((column) => column.name);
  if (names.length === 0) return { statement, toRow: null };
  statement.setReturnArrays(true);
  return { statement, toRow: rowOf(names) };
}

/**
 * Turns a row array into a plain object like `pg`'s rows (a repeated column name: the last wins).
 * The function is generated once per statement as one object literal with the statement's column
 * names, so every row gets the same shape at once (measured: half the time of assigning the columns
 * one by one to an empty object, for the 21 rows of the requests list). The names come from SQLite
 * and are embedded as JSON strings, never as code.
 */
function rowOf(columns: readonly string[]): (values: unknown[]) => object {
  // In a literal, `"__proto__": …` would set the prototype instead of making a column.
  if (columns.includes("__proto__")) throw new Error("A result column cannot be named __proto__");
  const last = new Map(columns.map((name, index) => [name, index]));
  const fields = [...last].map(([name, index]) => `${JSON.stringify(name)}: values[${index}]`);
  return new Function("values", `return { ${fields.join(", ")} };`) as (values: unknown[]) => object;
}

/** node:sqlite binds only null, numbers, bigints, strings and byte arrays. */
function toSqliteParameters(parameters: readonly unknown[]): SQLInputValue[] {
  return parameters.map((value, index): SQLInputValue => {
    if (value === undefined || value === null) return null;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (value instanceof Date) return value.toISOString();
    if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "bigint" ||
      ArrayBuffer.isView(value)
    ) {
      return value as SQLInputValue;
    }
    // A plain object as first argument would be taken for named parameters ("Unknown named parameter").
    throw new TypeError(
      `Cannot bind parameter ${index + 1} (${typeof value}) to SQLite: serialize it (e.g. JSON.stringify) first`,
    );
  });
}

function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

/** A FIFO lock: each waiter runs after the previous holder unlocks. */
class ConnectionMutex {
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;
  #waiting = 0;

  async lock(): Promise<void> {
    const previous = this.#tail;
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#tail = next;
    this.#waiting++;
    await previous;
    this.#waiting--;
    this.#release = release;
  }

  /** Whether someone is queued for the lock (the holder is not counted). */
  hasWaiters(): boolean {
    return this.#waiting > 0;
  }

  unlock(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
