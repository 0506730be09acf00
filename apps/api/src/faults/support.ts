/** Helpers shared by the fault tests: temp SQLite files, a raw SMTP dialogue (free ports: test-support/ports.ts). */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, escapeIdentifier } from "pg";
import { type OpenedDatabase, openDatabase } from "../db/connect.ts";
import { newId } from "../db/ids.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type SeededWorld, seedWorld } from "../test-support/spawn-api.ts";

/** A migrated SQLite file with a seeded world, closed again so the API process owns it. */
export async function preparedSqliteFile(): Promise<{
  file: string;
  world: SeededWorld;
  remove: () => void;
}> {
  const folder = mkdtempSync(join(tmpdir(), "cirrus-fault-"));
  const file = join(folder, "api.sqlite");
  const opened = await openDatabase(file);
  await migrateToLatest(opened.db);
  const world = await seedWorld(opened.db);
  await opened.close();
  return { file, world, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * A migrated database with a seeded world on the engine of the Vitest project: a SQLite file, or a
 * new PostgreSQL database (not a schema: the API process connects with a plain DATABASE_URL).
 */
export async function preparedDatabase(): Promise<{
  url: string;
  world: SeededWorld;
  remove: () => Promise<void>;
}> {
  if ((process.env.TEST_DB_ENGINE ?? "sqlite") === "sqlite") {
    const { file, world, remove } = await preparedSqliteFile();
    return { url: file, world, remove: async () => remove() };
  }
  const { url, remove } = await createPostgresDatabase(requiredTestDatabaseUrl());
  const world = await withDatabase(url, async ({ db }) => {
    await migrateToLatest(db);
    return seedWorld(db);
  });
  return { url, world, remove };
}

export function requiredTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL=postgres://…");
  return url;
}

/** A new, empty database on the server of `serverUrl`; `remove` drops it (closing its connections). */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; remove: () => Promise<void> }> {
  const name = `cirrus_${newId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`.slice(0, 60);
  await adminQuery(serverUrl, `create database ${escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: () => adminQuery(serverUrl, `drop database if exists ${escapeIdentifier(name)} with (force)`),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens a database for checks after the API process is done with it. */
export async function withDatabase<T>(url: string, use: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const opened = await openDatabase(url);
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}

/** A line-level SMTP client, so a test can stop half-way through a mail (nodemailer cannot). */
export async function smtpDialogue(port: number) {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  const waiters: (() => void)[] = [];
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString("utf8");
    for (const wake of waiters.splice(0)) wake();
  });
  /** The next complete reply (the last line of a multi-line one has a space after the code). */
  async function reply(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = /^(\d{3}) .*\r\n/m.exec(received);
      if (match) {
        const end = match.index + match[0].length;
        const text = received.slice(0, end);
        received = received.slice(end);
        return text;
      }
      if (Date.now() > deadline) throw new Error(`no SMTP reply; got ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
  async function command(line: string): Promise<string> {
    socket.write(`${line}\r\n`);
    return reply();
  }
  await reply();
  return { socket, reply, command, write: (text: string) => socket.write(text), end: () => socket.end() };
}
