// Kysely dialect for Node's built-in `node:sqlite` (Kysely's SqliteDialect expects better-sqlite3).
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import {
  AbortedTransactionError,
  CompiledQuery,
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
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";

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
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

export class NodeSqliteDriver implements Driver {
  readonly #config: NodeSqliteDialectConfig;
  readonly #mutex = new ConnectionMutex();
  #database: DatabaseSync | undefined;
  #connection: NodeSqliteConnection | undefined;

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
    // (Kysely 0.29's RuntimeDriver also locks for adapters without multiple connections; this keeps
    // the driver correct on its own.)
    await this.#mutex.lock();
    if (!this.#connection) {
      this.#mutex.unlock();
      throw new Error("node:sqlite driver is not initialized or already destroyed");
    }
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // `immediate` takes the write lock now: a deferred transaction that reads then writes can fail
    // with SQLITE_BUSY on the upgrade, which busy_timeout does not retry. Isolation settings are
    // ignored: SQLite transactions are always serializable.
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // Some errors (SQLITE_FULL, SQLITE_IOERR, …) roll the transaction back by themselves; say so
    // instead of failing with "cannot commit - no transaction is active".
    if (!this.#database?.isTransaction) throw new AbortedTransactionError();
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // Same case as in commit: a rollback error here would hide the error that caused it.
    if (!this.#database?.isTransaction) return;
    await connection.executeQuery(CompiledQuery.raw("rollback"));
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
    const database = this.#database;
    this.#connection = undefined;
    this.#database = undefined;
    if (!database?.isOpen) return;
    // SQLite's advice for connections that close: let the planner refresh its statistics.
    database.exec("pragma optimize");
    database.close();
  }
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #database: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #cacheSize: number;

  constructor(database: DatabaseSync, cacheSize: number) {
    this.#database = database;
    this.#cacheSize = cacheSize;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiledQuery.sql);
    const parameters = toSqliteParameters(compiledQuery.parameters);
    if (statement.columns().length > 0) {
      return { rows: statement.all(...parameters).map(toPlainRow) as R[] };
    }
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    // A statement of its own, not the cached one: running the same SQL while iterating would reset it.
    const statement = this.#database.prepare(compiledQuery.sql);
    if (statement.columns().length === 0) {
      throw new Error("node:sqlite driver can only stream statements that return rows");
    }
    let rows: R[] = [];
    for (const row of statement.iterate(...toSqliteParameters(compiledQuery.parameters))) {
      rows.push(toPlainRow(row) as R);
      if (rows.length >= chunkSize) {
        yield { rows };
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows };
  }

  #prepare(sql: string): StatementSync {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#database.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.#cacheSize) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
  }
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

/** node:sqlite rows have a null prototype; give callers the same plain objects as `pg` does. */
function toPlainRow(row: object): object {
  return { ...row };
}

function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

/** A FIFO lock: each waiter runs after the previous holder unlocks. */
class ConnectionMutex {
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    const previous = this.#tail;
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#tail = next;
    await previous;
    this.#release = release;
  }

  unlock(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
