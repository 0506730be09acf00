// Every table stores and returns its values unchanged, with the same JavaScript types on both engines.
import type { Insertable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/database.ts";
import type { OpenedDatabase } from "./connect.ts";
import { newId } from "./ids.ts";
import type { Database } from "./schema.ts";

let opened: OpenedDatabase;

beforeAll(async () => {
  opened = await createTestDatabase();
});
afterAll(() => opened?.close());

const organizationId = newId();
const customerId = newId();
const agentId = newId();
const requestId = newId();
const messageId = newId();
const attachmentId = newId();

/** One row per table, inserted in this order (parents first); nullable columns filled in some, null in others. */
const rows: { [T in keyof Database]: Insertable<Database[T]> } = {
  organizations: {
    id: organizationId,
    name: "Société Générale d'Exemple",
    tier: "premium",
    addOns: JSON.stringify(["developer-support"]),
    createdAt: "2026-01-05T08:00:00.000Z",
    updatedAt: "2026-11-26T09:00:00.123Z",
  },
  users: {
    id: customerId,
    organizationId,
    email: "Élodie.Martin@Example.fr",
    emailNormalized: "élodie.martin@example.fr",
    name: "Élodie Martin",
    role: "customer",
    locale: "fr",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    disabledAt: null,
    createdAt: "2026-01-05T08:00:00.000Z",
    updatedAt: "2026-01-05T08:00:00.000Z",
  },
  sessions: {
    id: newId(),
    secretHash: "a".repeat(64),
    userId: customerId,
    createdAt: "2026-11-26T09:00:00.000Z",
    lastUsedAt: "2026-11-26T10:59:59.999Z",
    userAgent: "Mozilla/5.0",
  },
  invitations: {
    id: newId(),
    tokenHash: "b".repeat(64),
    email: "new@example.fr",
    emailNormalized: "new@example.fr",
    organizationId,
    role: "customer",
    name: "Nouvel Utilisateur",
    locale: "en",
    invitedBy: customerId,
    createdAt: "2026-11-26T09:00:00.000Z",
    expiresAt: "2026-12-03T09:00:00.000Z",
    acceptedAt: null,
    revokedAt: "2026-11-27T09:00:00.000Z",
  },
  passwordResets: {
    id: newId(),
    tokenHash: "c".repeat(64),
    userId: customerId,
    createdAt: "2026-11-26T09:00:00.000Z",
    expiresAt: "2026-11-26T10:00:00.000Z",
    usedAt: null,
  },
  requests: {
    id: requestId,
    number: 123,
    organizationId,
    openedBy: customerId,
    subject: "L'export CSV échoue — « erreur 500 »",
    category: "bug",
    criticality: "major",
    tier: "premium",
    status: "open",
    statusChangedAt: "2026-11-26T09:30:00.000Z",
    channel: "portal",
    receivedAt: "2026-11-26T09:00:00.000Z",
    firstResponseDueAt: "2026-11-27T09:00:00.000Z",
    firstRespondedAt: "2026-11-26T09:30:00.000Z",
    awaitingReplySince: "2026-11-26T09:45:00.000Z",
    runningDueAt: "2026-11-27T09:45:00.000Z",
    assigneeId: agentId,
    linkedRequestId: null,
    updatedAt: "2026-11-26T09:30:00.000Z",
  },
  messages: {
    id: messageId,
    requestId,
    authorId: customerId,
    visibility: "public",
    body: "Bonjour,\n\nL'export échoue depuis ce matin. 🙁",
    createdAt: "2026-11-26T09:00:00.000Z",
    emailMessageId: null,
  },
  quotes: {
    id: newId(),
    requestId,
    status: "proposed",
    amountCents: 1_234_567,
    effortDays: 2.75,
    validUntil: "2026-12-31",
    terms: "Paiement à 30 jours.",
    proposedBy: customerId,
    proposedAt: "2026-11-26T11:00:00.000Z",
    decidedBy: null,
    decidedAt: null,
  },
  requestEvents: {
    id: newId(),
    requestId,
    actorId: null,
    kind: "criticality",
    fromValue: "minor",
    toValue: "major",
    reason: "Production bloquée",
    createdAt: "2026-11-26T09:15:00.000Z",
  },
  rateLimits: { key: "login:ip:203.0.113.7", tokens: 4.1, updatedAt: "2026-11-26T09:00:00.000Z" },
  outbox: {
    id: newId(),
    kind: "request-received",
    toAddress: "elodie.martin@example.fr",
    locale: "fr",
    subject: "Demande CS-000123 reçue",
    textBody: "Nous avons bien reçu votre demande.",
    htmlBody: null,
    headers: JSON.stringify({ "Message-ID": "<cs-000123@support.example>" }),
    requestId,
    createdAt: "2026-11-26T09:00:00.000Z",
    attempts: 3,
    nextAttemptAt: "2026-11-26T09:05:00.000Z",
    sentAt: null,
    lastError: "421 try again later",
    messageId: "<outbox-1@support.cirrus-shield.com>",
    claimedUntil: "2026-11-26T09:06:00.000Z",
  },
  inboundMail: {
    id: newId(),
    messageId: "<CAF=x+1@mail.example.fr>",
    fromAddress: "Élodie.Martin@Example.fr",
    fromNormalized: "élodie.martin@example.fr",
    envelopeFrom: "",
    subject: "Re: [CS-000123] Export",
    textBody: "Merci, c’est réglé.",
    attachmentCount: 2,
    receivedAt: "2026-11-26T09:30:00.000Z",
    outcome: "reply-added",
    autoReplied: 0,
    requestId,
    userId: customerId,
  },
  feedback: {
    id: newId(),
    article: "fr/premiers-pas",
    locale: "fr",
    helpful: 1,
    comment: null,
    createdAt: "2026-11-26T09:00:00.000Z",
  },
  counters: { name: "test", value: 2_147_483_647 },
  auditLog: {
    id: newId(),
    actorId: agentId,
    action: "organization.update",
    entityType: "organization",
    entityId: organizationId,
    before: JSON.stringify({ tier: "paying" }),
    after: JSON.stringify({ tier: "premium" }),
    createdAt: "2026-11-26T08:59:59.999Z",
  },
  cannedReplies: {
    id: newId(),
    title: "Étapes pour reproduire — « capture »",
    body: "Bonjour,\n\npouvez-vous nous indiquer les étapes ? 🙂",
    locale: "fr",
    createdBy: agentId,
    createdAt: "2026-11-26T09:00:00.000Z",
    updatedAt: "2026-11-26T09:30:00.000Z",
  },
  attachments: {
    id: attachmentId,
    uploaderId: customerId,
    requestId,
    messageId,
    name: "Capture d’écran « export ».png",
    mediaType: "image/png",
    size: 3,
    sha256: "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
    storage: "database",
    status: "stored",
    createdAt: "2026-11-26T09:00:00.000Z",
  },
  attachmentChunks: { attachmentId, seq: 0, data: new Uint8Array([0, 255, 1]) },
};

describe("every table round-trips its values", () => {
  beforeAll(async () => {
    // The staff member referenced as agent below, without organization.
    await opened.db
      .insertInto("users")
      .values({
        ...rows.users,
        id: agentId,
        organizationId: null,
        emailNormalized: "agent@cirrus",
        role: "agent",
      })
      .execute();
    for (const table of Object.keys(rows) as (keyof Database)[]) {
      await opened.db.insertInto(table).values(rows[table]).execute();
    }
  });

  it.each(Object.keys(rows) as (keyof Database)[])("%s", async (table) => {
    const key =
      table === "rateLimits"
        ? "key"
        : table === "counters"
          ? "name"
          : table === "attachmentChunks"
            ? "attachmentId"
            : "id";
    const expected = rows[table] as Record<string, unknown>;
    const stored = await opened.db
      .selectFrom(table)
      .selectAll()
      .where(key as never, "=", expected[key] as never)
      .executeTakeFirstOrThrow();
    // Strict: same values, same types, plain objects on both engines.
    expect(stored).toStrictEqual(expected);
  });

  it("returns integers and double precision values as JavaScript numbers", async () => {
    const quote = await opened.db
      .selectFrom("quotes")
      .select(["amountCents", "effortDays"])
      .executeTakeFirstOrThrow();
    const request = await opened.db.selectFrom("requests").select("number").executeTakeFirstOrThrow();
    const limit = await opened.db.selectFrom("rateLimits").select("tokens").executeTakeFirstOrThrow();
    expect(typeof quote.amountCents).toBe("number");
    expect(typeof request.number).toBe("number");
    // 4.1 has no exact binary form: a 4-byte float would come back as 4.099999904632568.
    expect(limit.tokens).toBe(4.1);
    expect(quote.effortDays).toBe(2.75);
  });

  it("counts as numbers on both engines (PostgreSQL's bigint count is parsed)", async () => {
    const { count } = await opened.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(count).toBe(2);
  });

  it("sorts ISO timestamps as text in time order", async () => {
    const times = await opened.db
      .selectFrom("requestEvents")
      .select("createdAt")
      .union(opened.db.selectFrom("messages").select("createdAt"))
      .orderBy("createdAt")
      .execute();
    expect(times.map((t) => t.createdAt)).toEqual(["2026-11-26T09:00:00.000Z", "2026-11-26T09:15:00.000Z"]);
  });
});
