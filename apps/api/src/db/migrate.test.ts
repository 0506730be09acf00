// The migration creates exactly the tables and columns of schema.ts, on both engines, and re-runs safely.
import { sql } from "kysely";
import { NO_MIGRATIONS } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import type { OpenedDatabase } from "./connect.ts";
import { createMigrator, migrateToLatest } from "./migrate.ts";
import type { Database } from "./schema.ts";
import { seedDemo } from "./seed.ts";

type Nullability<T> = { [C in keyof T]-?: null extends T[C] ? "nullable" : "not null" };

/**
 * Derived from schema.ts by the compiler: a column missing here, an extra one, or the wrong
 * nullability fails `tsc`; the test then checks the real database against it.
 */
const expectedColumns: { [T in keyof Database]: Nullability<Database[T]> } = {
  organizations: {
    id: "not null",
    name: "not null",
    tier: "not null",
    addOns: "not null",
    createdAt: "not null",
    updatedAt: "not null",
  },
  users: {
    id: "not null",
    organizationId: "nullable",
    email: "not null",
    emailNormalized: "not null",
    name: "not null",
    role: "not null",
    locale: "not null",
    passwordHash: "nullable",
    disabledAt: "nullable",
    createdAt: "not null",
    updatedAt: "not null",
  },
  sessions: {
    id: "not null",
    secretHash: "not null",
    userId: "not null",
    createdAt: "not null",
    lastUsedAt: "not null",
    userAgent: "nullable",
  },
  invitations: {
    id: "not null",
    tokenHash: "not null",
    email: "not null",
    emailNormalized: "not null",
    organizationId: "nullable",
    role: "not null",
    name: "not null",
    locale: "not null",
    invitedBy: "not null",
    createdAt: "not null",
    expiresAt: "not null",
    acceptedAt: "nullable",
    revokedAt: "nullable",
  },
  passwordResets: {
    id: "not null",
    tokenHash: "not null",
    userId: "not null",
    createdAt: "not null",
    expiresAt: "not null",
    usedAt: "nullable",
  },
  requests: {
    id: "not null",
    number: "not null",
    organizationId: "not null",
    openedBy: "not null",
    subject: "not null",
    category: "not null",
    criticality: "nullable",
    tier: "not null",
    status: "not null",
    statusChangedAt: "not null",
    channel: "not null",
    receivedAt: "not null",
    firstResponseDueAt: "nullable",
    firstRespondedAt: "nullable",
    awaitingReplySince: "nullable",
    runningDueAt: "nullable",
    assigneeId: "nullable",
    linkedRequestId: "nullable",
    updatedAt: "not null",
  },
  messages: {
    id: "not null",
    requestId: "not null",
    authorId: "not null",
    visibility: "not null",
    body: "not null",
    createdAt: "not null",
    emailMessageId: "nullable",
  },
  quotes: {
    id: "not null",
    requestId: "not null",
    status: "not null",
    amountCents: "not null",
    effortDays: "not null",
    validUntil: "not null",
    terms: "not null",
    proposedBy: "not null",
    proposedAt: "not null",
    decidedBy: "nullable",
    decidedAt: "nullable",
  },
  requestEvents: {
    id: "not null",
    requestId: "not null",
    actorId: "nullable",
    kind: "not null",
    fromValue: "nullable",
    toValue: "nullable",
    reason: "nullable",
    createdAt: "not null",
  },
  rateLimits: { key: "not null", tokens: "not null", updatedAt: "not null" },
  outbox: {
    id: "not null",
    kind: "not null",
    toAddress: "not null",
    locale: "not null",
    subject: "not null",
    textBody: "not null",
    htmlBody: "nullable",
    headers: "not null",
    requestId: "nullable",
    createdAt: "not null",
    attempts: "not null",
    nextAttemptAt: "not null",
    sentAt: "nullable",
    lastError: "nullable",
    messageId: "nullable",
    claimedUntil: "nullable",
  },
  inboundMail: {
    id: "not null",
    messageId: "not null",
    fromAddress: "not null",
    fromNormalized: "not null",
    envelopeFrom: "not null",
    subject: "not null",
    textBody: "not null",
    attachmentCount: "not null",
    receivedAt: "not null",
    outcome: "not null",
    autoReplied: "not null",
    requestId: "nullable",
    userId: "nullable",
  },
  feedback: {
    id: "not null",
    article: "not null",
    locale: "not null",
    helpful: "not null",
    comment: "nullable",
    createdAt: "not null",
  },
  counters: { name: "not null", value: "not null" },
  auditLog: {
    id: "not null",
    actorId: "not null",
    action: "not null",
    entityType: "not null",
    entityId: "not null",
    before: "nullable",
    after: "nullable",
    createdAt: "not null",
  },
  cannedReplies: {
    id: "not null",
    title: "not null",
    body: "not null",
    locale: "not null",
    createdBy: "not null",
    createdAt: "not null",
    updatedAt: "not null",
  },
  attachments: {
    id: "not null",
    uploaderId: "not null",
    requestId: "nullable",
    messageId: "nullable",
    name: "not null",
    mediaType: "not null",
    size: "not null",
    sha256: "not null",
    storage: "not null",
    status: "not null",
    createdAt: "not null",
  },
  attachmentChunks: { attachmentId: "not null", seq: "not null", data: "not null" },
};

let opened: OpenedDatabase;

beforeAll(async () => {
  opened = await createTestDatabase();
});
afterAll(() => opened?.close());

/** The app's tables as the database describes them (on PostgreSQL, in this test's schema only). */
async function actualColumns(): Promise<Record<string, Record<string, string>>> {
  const { db, engine } = opened;
  let schema: string | undefined;
  if (engine === "postgres") {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    schema = rows[0]?.schema;
  }
  const tables = await db.introspection.getTables();
  const result: Record<string, Record<string, string>> = {};
  for (const table of tables) {
    if (schema !== undefined && table.schema !== schema) continue;
    result[table.name] = Object.fromEntries(
      table.columns.map((column) => [column.name, column.isNullable ? "nullable" : "not null"]),
    );
  }
  return result;
}

describe("migrations", () => {
  it("creates exactly the tables and columns of schema.ts, with their nullability", async () => {
    expect(await actualColumns()).toEqual(expectedColumns);
  });

  it("records itself, so a second run applies nothing and keeps the data", async () => {
    await opened.db.updateTable("counters").set({ value: 41 }).where("name", "=", "request").execute();
    expect(await migrateToLatest(opened.db)).toEqual([]);
    expect(await migrateToLatest(opened.db)).toEqual([]);
    const counter = await opened.db.selectFrom("counters").selectAll().executeTakeFirstOrThrow();
    expect(counter).toEqual({ name: "request", value: 41 });
  });

  it("seeds the request counter at zero", async () => {
    const fresh = await createTestDatabase();
    try {
      const counters = await fresh.db.selectFrom("counters").selectAll().execute();
      expect(counters).toEqual([{ name: "request", value: 0 }]);
    } finally {
      await fresh.close();
    }
  });

  it("migrates down to nothing and up again", async () => {
    const fresh = await createTestDatabase();
    try {
      const migrator = await createMigrator(fresh.db);
      const down = await migrator.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual([
        ["2026-11-26-0005-running-due", "Down", "Success"],
        ["2026-11-26-0004-attachments", "Down", "Success"],
        ["2026-11-26-0003-canned-replies", "Down", "Success"],
        ["2026-11-26-0002-email", "Down", "Success"],
        ["2026-11-26-0001-initial", "Down", "Success"],
      ]);
      expect(await migrateToLatest(fresh.db)).toEqual([
        "2026-11-26-0001-initial",
        "2026-11-26-0002-email",
        "2026-11-26-0003-canned-replies",
        "2026-11-26-0004-attachments",
        "2026-11-26-0005-running-due",
      ]);
    } finally {
      await fresh.close();
    }
  });

  it("fills the running due time of the requests that existed before it, as the commands write it", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemo(fresh.db, new Date("2026-11-24T10:00:00Z"), {
        portalUrl: "http://portal.test",
        helpUrl: "http://help.test",
      });
      const written = await fresh.db
        .selectFrom("requests")
        .select(["id", "status", "runningDueAt"])
        .orderBy("id")
        .execute();
      // The demo has requests with each kind of clock: first response, reply, and nothing running.
      expect(written.some((r) => r.runningDueAt !== null)).toBe(true);
      expect(written.some((r) => r.runningDueAt === null)).toBe(true);
      const migrator = await createMigrator(fresh.db);
      expect((await migrator.migrateTo("2026-11-26-0004-attachments")).error).toBeUndefined();
      expect(await migrateToLatest(fresh.db)).toEqual(["2026-11-26-0005-running-due"]);
      const filled = await fresh.db
        .selectFrom("requests")
        .select(["id", "status", "runningDueAt"])
        .orderBy("id")
        .execute();
      expect(filled).toEqual(written);
    } finally {
      await fresh.close();
    }
  });
});
