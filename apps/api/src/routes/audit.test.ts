// GET /v1/admin/audit over a real database: admin actions appear newest first with who, what and before/after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../db/ids.ts";
import { type Actor, createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
let admin: Actor;
let agent: Actor;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin", null, { name: "Nadia Admin" });
  agent = await t.user("agent");
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = any;

async function call(method: string, path: string, json?: unknown, token = admin.token) {
  const res = await t.call(method, path, { token, json });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

const MINUTE = 60_000;

describe("GET /v1/admin/audit", () => {
  let orgId: string;
  let customerId: string;
  let created: string;
  let updated: string;
  let disabled: string;

  beforeAll(async () => {
    created = t.clock.now().toISOString();
    const org = await call("POST", "/v1/admin/organizations", { name: "Audit SARL", tier: "paying" });
    expect(org.status).toBe(201);
    orgId = org.body.id;

    t.clock.advance(MINUTE);
    updated = t.clock.now().toISOString();
    expect((await call("PATCH", `/v1/admin/organizations/${orgId}`, { tier: "premium" })).status).toBe(200);

    t.clock.advance(MINUTE);
    disabled = t.clock.now().toISOString();
    customerId = (await t.user("customer", orgId)).user.id;
    expect((await call("POST", `/v1/admin/users/${customerId}/disable`)).status).toBe(200);
  });

  it("lists the admin actions newest first, with the actor and parsed before/after", async () => {
    const res = await call("GET", "/v1/admin/audit");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        actor: { id: admin.user.id, name: "Nadia Admin" },
        action: "user.disable",
        entityType: "user",
        entityId: customerId,
        before: { disabledAt: null },
        after: { disabledAt: disabled },
        createdAt: disabled,
      },
      {
        id: expect.any(String),
        actor: { id: admin.user.id, name: "Nadia Admin" },
        action: "organization.update",
        entityType: "organization",
        entityId: orgId,
        before: { tier: "paying" },
        after: { tier: "premium" },
        createdAt: updated,
      },
      {
        id: expect.any(String),
        actor: { id: admin.user.id, name: "Nadia Admin" },
        action: "organization.create",
        entityType: "organization",
        entityId: orgId,
        before: null,
        after: { name: "Audit SARL", tier: "paying", addOns: [] },
        createdAt: created,
      },
    ]);
  });

  it("filters by entity type and by one record's history", async () => {
    const orgs = await call("GET", "/v1/admin/audit?entityType=organization");
    expect(orgs.body.total).toBe(2);
    expect(orgs.body.items.map((i: Json) => i.action)).toEqual([
      "organization.update",
      "organization.create",
    ]);

    const users = await call("GET", `/v1/admin/audit?entityType=user&entityId=${customerId}`);
    expect(users.body.items.map((i: Json) => i.action)).toEqual(["user.disable"]);

    const history = await call("GET", `/v1/admin/audit?entityId=${orgId}`);
    expect(history.body.total).toBe(2);

    const none = await call("GET", `/v1/admin/audit?entityType=invitation&entityId=${orgId}`);
    expect(none.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it("pages with limit and offset, total counting every match", async () => {
    const first = await call("GET", "/v1/admin/audit?limit=2");
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.body.items.map((i: Json) => i.action)).toEqual(["user.disable", "organization.update"]);
    const second = await call("GET", "/v1/admin/audit?limit=2&offset=2");
    expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(second.body.items.map((i: Json) => i.action)).toEqual(["organization.create"]);
    const beyond = await call("GET", "/v1/admin/audit?offset=10");
    expect(beyond.body).toMatchObject({ items: [], total: 3 });
  });

  it("records invitations too, and shows null for a snapshot that is not a JSON object", async () => {
    t.clock.advance(MINUTE);
    const invited = await call("POST", "/v1/admin/invitations", {
      email: `audit-${newId().slice(-8)}@example.test`,
      name: "Invitée",
      role: "agent",
    });
    expect(invited.status).toBe(201);
    const invitations = await call("GET", "/v1/admin/audit?entityType=invitation");
    expect(invitations.body.items).toHaveLength(1);
    expect(invitations.body.items[0]).toMatchObject({
      action: "invitation.create",
      entityId: invited.body.id,
      before: null,
    });
    expect(invitations.body.items[0].after).toEqual(expect.any(Object));

    // Written by hand (never by the app): the API still answers, with null for what it cannot show.
    t.clock.advance(MINUTE);
    await t.db
      .insertInto("auditLog")
      .values({
        id: newId(),
        actorId: admin.user.id,
        action: "user.update",
        entityType: "user",
        entityId: agent.user.id,
        before: "[1,2]",
        after: "not json",
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    const latest = await call("GET", "/v1/admin/audit?limit=1");
    expect(latest.body.items[0]).toMatchObject({ action: "user.update", before: null, after: null });
  });

  it.each(["limit=0", "limit=101", "limit=abc", "offset=-1", "entityType=request", "entityId=a%20b"])(
    "refuses %s with 422",
    async (query) => {
      const res = await call("GET", `/v1/admin/audit?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("validation-failed");
    },
  );

  it("is for admins only", async () => {
    expect((await t.call("GET", "/v1/admin/audit")).status).toBe(401);
    expect((await call("GET", "/v1/admin/audit", undefined, agent.token)).status).toBe(403);
    const customer = await t.user("customer", (await t.organization("premium")).id);
    expect((await call("GET", "/v1/admin/audit", undefined, customer.token)).status).toBe(403);
  });
});
