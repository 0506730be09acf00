/**
 * The authorization matrix: every route of the OpenAPI document × {anonymous, customer of another
 * organization, customer, agent, admin}, each call in a fresh little world, with the expected
 * status. The route list comes from the app itself, so a new route without an entry here fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newOneTimeToken } from "./auth/tokens.ts";
import { proposeQuote } from "./commands/quotes.ts";
import { openRequest } from "./commands/requests.ts";
import { newId } from "./db/ids.ts";
import { type Actor, createTestApp, fixturePassword, type TestApp, testConfig } from "./test-support/app.ts";
import { pngBytes, storeTestAttachment, uploadForm } from "./test-support/attachments.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actors = ["anonymous", "otherOrg", "customer", "agent", "admin"] as const;
type ActorName = (typeof actors)[number];

interface World {
  orgId: string;
  customer: Actor;
  otherOrg: Actor;
  agent: Actor;
  admin: Actor;
  requestId: string;
  quoteId: string;
  invitationId: string;
  invitationToken: string;
  cannedReplyId: string;
  attachmentId: string;
}

async function world(): Promise<World> {
  const org = await t.organization("premium");
  const customer = await t.user("customer", org.id);
  const otherOrg = await t.user("customer", (await t.organization("premium")).id);
  const agent = await t.user("agent");
  const admin = await t.user("admin");
  const now = t.clock.now();
  const request = await openRequest(
    t.db,
    customer.user,
    { subject: "Connecteur", category: "custom-development", body: "Besoin." },
    now,
    testConfig,
  );
  const validUntil = new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
  const quote = await proposeQuote(
    t.db,
    request,
    agent.user,
    { amountCents: 100_000, effortDays: 2, validUntil, terms: "Conditions." },
    now,
    testConfig,
  );
  // Resolved: the one status from which every customer action (reply, close, reopen) is allowed.
  await t.db
    .updateTable("requests")
    .set({
      status: "resolved",
      statusChangedAt: now.toISOString(),
      firstRespondedAt: now.toISOString(),
      runningDueAt: null,
    })
    .where("id", "=", request.id)
    .execute();
  const { token, tokenHash } = newOneTimeToken();
  const invitationId = newId();
  const email = `invitee-${newId().slice(-8)}@example.test`;
  await t.db
    .insertInto("invitations")
    .values({
      id: invitationId,
      tokenHash,
      email,
      emailNormalized: email,
      organizationId: org.id,
      role: "customer",
      name: "Invitee",
      locale: "fr",
      invitedBy: admin.user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      acceptedAt: null,
      revokedAt: null,
    })
    .execute();
  const cannedReplyId = newId();
  await t.db
    .insertInto("cannedReplies")
    .values({
      id: cannedReplyId,
      title: "Étapes",
      body: "Pouvez-vous détailler les étapes ?",
      locale: "fr",
      createdBy: agent.user.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .execute();
  const firstMessage = await t.db
    .selectFrom("messages")
    .select("id")
    .where("requestId", "=", request.id)
    .executeTakeFirstOrThrow();
  const attachment = await storeTestAttachment(t, customer.user, {
    requestId: request.id,
    messageId: firstMessage.id,
  });
  return {
    attachmentId: attachment.id,
    orgId: org.id,
    customer,
    otherOrg,
    agent,
    admin,
    requestId: request.id,
    quoteId: quote.id,
    invitationId,
    invitationToken: token,
    cannedReplyId,
  };
}

type Expect = readonly [anonymous: number, otherOrg: number, customer: number, agent: number, admin: number];
interface Entry {
  expect: Expect;
  body?: (w: World) => unknown;
  form?: (w: World) => FormData;
  params?: (w: World, caller: Actor | null) => Record<string, string>;
}

const publicRoute = (status: number): Expect => [status, status, status, status, status];
const anyUser = (status: number): Expect => [401, status, status, status, status];
const customerOwn = (status: number): Expect => [401, 404, status, 403, 403];
const customerList = (status: number): Expect => [401, status, status, 403, 403];
const staff = (status: number): Expect => [401, 403, 403, status, status];
const adminOnly = (status: number): Expect => [401, 403, 403, 403, status];

const request = (w: World) => ({ id: w.requestId });
const quote = (w: World) => ({ id: w.requestId, quoteId: w.quoteId });
const uniqueEmail = () => `new-${newId().slice(-10)}@example.test`;

const matrix: Record<string, Entry> = {
  "GET /health": { expect: publicRoute(200) },
  "GET /ready": { expect: publicRoute(200) },
  "GET /v1/catalogue": { expect: publicRoute(200) },
  "POST /v1/feedback": {
    expect: publicRoute(201),
    body: () => ({ article: "fr/sla", locale: "fr", helpful: true }),
  },
  "POST /v1/auth/login": {
    expect: publicRoute(200),
    body: (w) => ({ email: w.customer.user.email, password: fixturePassword }),
  },
  "POST /v1/auth/logout": { expect: anyUser(204) },
  "POST /v1/auth/password-reset": {
    expect: publicRoute(202),
    body: (w) => ({ email: w.customer.user.email }),
  },
  "POST /v1/auth/password-reset/confirm": {
    expect: publicRoute(400),
    body: () => ({ token: "unknown", password: "a long enough password" }),
  },
  "GET /v1/invitations/{token}": { expect: publicRoute(200), params: (w) => ({ token: w.invitationToken }) },
  "POST /v1/invitations/{token}/accept": {
    expect: publicRoute(201),
    params: (w) => ({ token: w.invitationToken }),
    body: () => ({ password: "a long enough password" }),
  },
  "GET /v1/me": { expect: anyUser(200) },
  "PATCH /v1/me": { expect: anyUser(200), body: () => ({ locale: "en" }) },
  "POST /v1/me/password": {
    expect: anyUser(204),
    body: () => ({ currentPassword: fixturePassword, newPassword: "another long password" }),
  },
  "GET /v1/me/sessions": { expect: anyUser(200) },
  "DELETE /v1/me/sessions/{id}": {
    expect: anyUser(204),
    params: (_w, caller) => ({ id: caller?.token.split(".")[0] ?? "nobody" }),
  },
  "GET /v1/requests": { expect: customerList(200) },
  "POST /v1/requests": {
    expect: customerList(201),
    body: () => ({ subject: "Question", category: "usage-question", body: "Comment ?" }),
  },
  "GET /v1/requests/{id}": { expect: customerOwn(200), params: request },
  "POST /v1/requests/{id}/messages": {
    expect: customerOwn(201),
    params: request,
    body: () => ({ body: "Merci" }),
  },
  "POST /v1/requests/{id}/close": { expect: customerOwn(200), params: request },
  "POST /v1/requests/{id}/reopen": { expect: customerOwn(200), params: request },
  "POST /v1/requests/{id}/quotes/{quoteId}/accept": { expect: customerOwn(200), params: quote },
  "POST /v1/requests/{id}/quotes/{quoteId}/decline": { expect: customerOwn(200), params: quote },
  "POST /v1/attachments": {
    expect: anyUser(201),
    form: () => uploadForm([{ name: "capture.png", bytes: pngBytes(64) }]),
  },
  "GET /v1/attachments/{id}": {
    expect: [401, 404, 200, 200, 200],
    params: (w) => ({ id: w.attachmentId }),
  },
  "GET /v1/agent/queue": { expect: staff(200) },
  "GET /v1/agent/staff": { expect: staff(200) },
  "GET /v1/agent/requests/{id}": { expect: staff(200), params: request },
  "POST /v1/agent/requests/{id}/messages": {
    expect: staff(201),
    params: request,
    body: () => ({ body: "Bonjour", visibility: "public" }),
  },
  "POST /v1/agent/requests/{id}/assign": {
    expect: staff(200),
    params: request,
    body: () => ({ assigneeId: null }),
  },
  "POST /v1/agent/requests/{id}/status": {
    expect: staff(200),
    params: request,
    body: () => ({ status: "open" }),
  },
  "POST /v1/agent/requests/{id}/criticality": {
    expect: staff(200),
    params: request,
    body: () => ({ criticality: "major", reason: "Impact confirmé" }),
  },
  "POST /v1/agent/requests/{id}/quotes": {
    expect: staff(201),
    params: request,
    body: () => ({
      amountCents: 250_000,
      effortDays: 3,
      validUntil: new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10),
      terms: "Conditions.",
    }),
  },
  "POST /v1/agent/requests/{id}/quotes/{quoteId}/withdraw": { expect: staff(200), params: quote },
  "GET /v1/agent/mailbox": { expect: staff(200) },
  "GET /v1/agent/dashboard": { expect: staff(200) },
  "GET /v1/agent/canned-replies": { expect: staff(200) },
  "POST /v1/agent/canned-replies": {
    expect: staff(201),
    body: () => ({ title: "Merci", body: "Merci pour votre retour.", locale: "fr" }),
  },
  "PATCH /v1/agent/canned-replies/{id}": {
    expect: staff(200),
    params: (w) => ({ id: w.cannedReplyId }),
    body: () => ({ title: "Étapes à suivre" }),
  },
  "DELETE /v1/agent/canned-replies/{id}": { expect: staff(204), params: (w) => ({ id: w.cannedReplyId }) },
  "GET /v1/admin/organizations": { expect: adminOnly(200) },
  "POST /v1/admin/organizations": {
    expect: adminOnly(201),
    body: () => ({ name: "Nouvelle organisation", tier: "paying" }),
  },
  "GET /v1/admin/organizations/{id}": { expect: adminOnly(200), params: (w) => ({ id: w.orgId }) },
  "PATCH /v1/admin/organizations/{id}": {
    expect: adminOnly(200),
    params: (w) => ({ id: w.orgId }),
    body: () => ({ name: "Renommée" }),
  },
  "GET /v1/admin/users": { expect: adminOnly(200) },
  "PATCH /v1/admin/users/{id}": {
    expect: adminOnly(200),
    params: (w) => ({ id: w.customer.user.id }),
    body: () => ({ name: "Nouveau nom" }),
  },
  "POST /v1/admin/users/{id}/disable": {
    expect: adminOnly(200),
    params: (w) => ({ id: w.customer.user.id }),
  },
  "POST /v1/admin/users/{id}/enable": { expect: adminOnly(200), params: (w) => ({ id: w.customer.user.id }) },
  "GET /v1/admin/invitations": { expect: adminOnly(200) },
  "GET /v1/admin/audit": { expect: adminOnly(200) },
  "POST /v1/admin/invitations": {
    expect: adminOnly(201),
    body: (w) => ({
      email: uniqueEmail(),
      name: "Nouvelle",
      role: "customer",
      organizationId: w.orgId,
      locale: "fr",
    }),
  },
  "POST /v1/admin/invitations/{id}/resend": {
    expect: adminOnly(201),
    params: (w) => ({ id: w.invitationId }),
  },
  "POST /v1/admin/invitations/{id}/revoke": {
    expect: adminOnly(204),
    params: (w) => ({ id: w.invitationId }),
  },
};

interface Operation {
  key: string;
  method: string;
  path: string;
  access: string;
}

async function operations(): Promise<Operation[]> {
  const doc = (await (await t.call("GET", "/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-access"?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      access: op["x-access"] ?? "missing",
    })),
  );
}

describe("authorization matrix", () => {
  it("has an entry for every route of the API, and no entry for a route that does not exist", async () => {
    const keys = (await operations()).map((o) => o.key).sort();
    expect(keys).toEqual(Object.keys(matrix).sort());
  });

  it("gives each route × caller the expected status", async () => {
    const failures: string[] = [];
    for (const op of await operations()) {
      const entry = matrix[op.key];
      if (!entry) continue; // reported by the test above
      for (const [index, name] of actors.entries()) {
        const w = await world();
        const caller: Actor | null = name === "anonymous" ? null : w[name as Exclude<ActorName, "anonymous">];
        const params = entry.params?.(w, caller) ?? {};
        const path = op.path.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? `missing-${key}`);
        const res = await t.call(op.method, path, {
          token: caller?.token,
          ...(entry.body ? { json: entry.body(w) } : {}),
          ...(entry.form ? { form: entry.form(w) } : {}),
        });
        const want = entry.expect[index];
        if (res.status !== want)
          failures.push(`${op.key} as ${name}: expected ${want}, got ${res.status} ${await res.text()}`);
        if (res.status >= 400 && !res.headers.get("content-type")?.includes("application/problem+json")) {
          failures.push(`${op.key} as ${name}: error without problem+json`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
