// The schema's constraints hold on both engines: unique keys, foreign keys, NOT NULL and column types.
import type { Insertable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import type { OpenedDatabase } from "./connect.ts";
import { isForeignKeyViolation, isUniqueViolation } from "./errors.ts";
import { newId } from "./ids.ts";
import type { RequestTable, UserTable } from "./schema.ts";

let opened: OpenedDatabase;
const organizationId = newId();
const now = "2026-11-26T09:00:00.000Z";

beforeAll(async () => {
  opened = await createTestDatabase();
  await opened.db
    .insertInto("organizations")
    .values({
      id: organizationId,
      name: "Acme",
      tier: "paying",
      addOns: "[]",
      createdAt: now,
      updatedAt: now,
    })
    .execute();
});
afterAll(() => opened?.close());

function user(emailNormalized: string): Insertable<UserTable> {
  return {
    id: newId(),
    organizationId,
    email: emailNormalized,
    emailNormalized,
    name: "Test",
    role: "customer",
    locale: "fr",
    passwordHash: null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

function request(
  number: number,
  openedBy: string,
  overrides: Partial<RequestTable> = {},
): Insertable<RequestTable> {
  return {
    id: newId(),
    number,
    organizationId,
    openedBy,
    subject: "Subject",
    category: "bug",
    criticality: null,
    tier: "paying",
    status: "new",
    statusChangedAt: now,
    channel: "portal",
    receivedAt: now,
    firstResponseDueAt: null,
    firstRespondedAt: null,
    awaitingReplySince: null,
    assigneeId: null,
    linkedRequestId: null,
    updatedAt: now,
    ...overrides,
  };
}

/** The error a failing insert rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the database to refuse"),
    (error: unknown) => error,
  );
}

describe("unique keys", () => {
  it("refuses a second user with the same normalized e-mail", async () => {
    await opened.db.insertInto("users").values(user("dup@example.fr")).execute();
    const error = await failure(opened.db.insertInto("users").values(user("dup@example.fr")).execute());
    expect(isUniqueViolation(error)).toBe(true);
    const count = await opened.db
      .selectFrom("users")
      .where("emailNormalized", "=", "dup@example.fr")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it("refuses a duplicate request number, primary key and token hash", async () => {
    const author = user("numbers@example.fr");
    await opened.db.insertInto("users").values(author).execute();
    await opened.db.insertInto("requests").values(request(7, author.id)).execute();
    const sameNumber = await failure(
      opened.db.insertInto("requests").values(request(7, author.id)).execute(),
    );
    expect(isUniqueViolation(sameNumber)).toBe(true);

    const samePrimaryKey = await failure(
      opened.db
        .insertInto("users")
        .values({ ...user("x@y"), id: author.id })
        .execute(),
    );
    expect(isUniqueViolation(samePrimaryKey)).toBe(true);

    const reset = {
      userId: author.id,
      tokenHash: "f".repeat(64),
      createdAt: now,
      expiresAt: now,
      usedAt: null,
    };
    await opened.db
      .insertInto("passwordResets")
      .values({ id: newId(), ...reset })
      .execute();
    const sameToken = await failure(
      opened.db
        .insertInto("passwordResets")
        .values({ id: newId(), ...reset })
        .execute(),
    );
    expect(isUniqueViolation(sameToken)).toBe(true);
  });
});

describe("foreign keys", () => {
  it("refuses a request of an organization that does not exist", async () => {
    const author = user("fk@example.fr");
    await opened.db.insertInto("users").values(author).execute();
    const error = await failure(
      opened.db
        .insertInto("requests")
        .values(request(100, author.id, { organizationId: "no-such-organization" }))
        .execute(),
    );
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });

  it("refuses to delete a user still referenced by a request", async () => {
    const author = user("referenced@example.fr");
    await opened.db.insertInto("users").values(author).execute();
    await opened.db.insertInto("requests").values(request(101, author.id)).execute();
    const error = await failure(opened.db.deleteFrom("users").where("id", "=", author.id).execute());
    expect(isForeignKeyViolation(error)).toBe(true);
  });

  it("deletes a user's sessions and password resets with the user", async () => {
    const member = user("cascade@example.fr");
    await opened.db.insertInto("users").values(member).execute();
    await opened.db
      .insertInto("sessions")
      .values({
        id: newId(),
        secretHash: "s",
        userId: member.id,
        createdAt: now,
        lastUsedAt: now,
        userAgent: null,
      })
      .execute();
    await opened.db.deleteFrom("users").where("id", "=", member.id).execute();
    const sessions = await opened.db
      .selectFrom("sessions")
      .where("userId", "=", member.id)
      .selectAll()
      .execute();
    expect(sessions).toEqual([]);
  });
});

describe("column types and NOT NULL", () => {
  it("refuses null in a NOT NULL column", async () => {
    const row = { ...user("null@example.fr"), name: null as unknown as string };
    await expect(opened.db.insertInto("users").values(row).execute()).rejects.toThrow();
  });

  it("refuses text and fractions in an integer column (SQLite tables are STRICT)", async () => {
    const author = user("types@example.fr");
    await opened.db.insertInto("users").values(author).execute();
    const text = request("twelve" as unknown as number, author.id);
    await expect(opened.db.insertInto("requests").values(text).execute()).rejects.toThrow();
    await expect(
      opened.db.insertInto("requests").values(request(12.5, author.id)).execute(),
    ).rejects.toThrow();
  });
});
