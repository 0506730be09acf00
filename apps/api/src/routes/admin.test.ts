// Staff administration over a real database: organizations, invitations, users, the audit log and admin-only access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../auth/tokens.ts";
import { invitationMail } from "../mail/templates.ts";
import { type Actor, createTestApp, fixturePassword, type TestApp, testConfig } from "../test-support/app.ts";

let t: TestApp;
let admin: Actor;
let agent: Actor;
let customer: Actor;
let ipCounter = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  agent = await t.user("agent");
  customer = await t.user("customer", (await t.organization("paying")).id);
});
afterAll(() => t.close());

const DAY_MS = 86_400_000;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = any;

async function call(method: string, path: string, options: { token?: string; json?: unknown } = {}) {
  const res = await t.call(method, path, options);
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : null) as Json,
    text,
    type: res.headers.get("content-type"),
  };
}

const asAdmin = (method: string, path: string, json?: unknown) =>
  call(method, path, { token: admin.token, json });

async function login(email: string, password = fixturePassword) {
  ipCounter += 1;
  return t.call("POST", "/v1/auth/login", {
    json: { email, password },
    headers: { "x-forwarded-for": `198.51.100.${ipCounter}` },
  });
}

async function auditOf(entityId: string) {
  return t.db
    .selectFrom("auditLog")
    .selectAll()
    .where("entityId", "=", entityId)
    .orderBy("createdAt")
    .execute();
}

async function mailsTo(address: string) {
  return t.db.selectFrom("outbox").selectAll().where("toAddress", "=", address).execute();
}

function tokenIn(text: string): string {
  const match = /\/invitation\?token=([a-z2-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text}`);
  return match[1];
}

/** The invitation tokens mailed to an address, oldest first (mails are found by their set, not their order). */
async function tokensFor(address: string): Promise<string[]> {
  return (await mailsTo(address)).map((m) => tokenIn(m.textBody));
}

let emailCounter = 0;
const freshEmail = (prefix = "invitee") => `${prefix}-${++emailCounter}-${Date.now()}@example.test`;

describe("organizations", () => {
  it("creates an organization (trimmed name, add-ons deduplicated in catalogue order) and records it in the audit log", async () => {
    const res = await asAdmin("POST", "/v1/admin/organizations", {
      name: "  Acme Industrie  ",
      tier: "paying",
      addOns: ["developer-support", "environment-administration", "developer-support"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Acme Industrie",
      tier: "paying",
      addOns: ["environment-administration", "developer-support"],
      userCount: 0,
      openRequestCount: 0,
    });
    expect(res.body.entitlements["developer-support"]).toBe("included");
    expect(res.body.entitlements["priority-support"]).toBe("no");
    const stored = await t.db
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", res.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.addOns)).toEqual(["environment-administration", "developer-support"]);
    const [entry, ...rest] = await auditOf(res.body.id);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      action: "organization.create",
      entityType: "organization",
      before: null,
    });
    expect(JSON.parse(entry?.after ?? "null")).toEqual({
      name: "Acme Industrie",
      tier: "paying",
      addOns: ["environment-administration", "developer-support"],
    });
  });

  it.each([
    ["paying", "priority-support"],
    ["premium", "developer-support"],
    ["free", "environment-administration"],
  ])(
    "refuses an add-on the %s tier cannot buy (%s) with 422 invalid-add-on, creating nothing",
    async (tier, addOn) => {
      const name = `Refused ${tier} ${addOn}`;
      const res = await asAdmin("POST", "/v1/admin/organizations", { name, tier, addOns: [addOn] });
      expect(res.status).toBe(422);
      expect(res.type).toContain("application/problem+json");
      expect(res.body.code).toBe("invalid-add-on");
      expect(
        await t.db.selectFrom("organizations").select("id").where("name", "=", name).execute(),
      ).toHaveLength(0);
    },
  );

  it.each([
    [{ name: "X", tier: "gold" }, "tier"],
    [{ name: "   ", tier: "free" }, "name"],
    [{ name: "X".repeat(201), tier: "free" }, "name"],
    [{ name: "X", tier: "paying", addOns: ["unknown-option"] }, "addOns.0"],
    [{ name: "X", tier: "paying", plan: "gold" }, "plan"],
    // PostgreSQL cannot store NUL: refused by validation (422), never by the database (500).
    [{ name: "A\u0000B", tier: "free" }, "name"],
    [{ name: "Two\nlines", tier: "free" }, "name"],
  ])("answers 422 validation-failed for %j (field %s)", async (input, field) => {
    const res = await asAdmin("POST", "/v1/admin/organizations", input);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation-failed");
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it("lists organizations with user and open-request counts, searching names case-insensitively and literally", async () => {
    const org = await t.organization("paying", [], "Remise 50% Conseil");
    await t.organization("paying", [], "Remise 500 Conseil");
    const a = await t.user("customer", org.id);
    await t.user("customer", org.id);
    for (const subject of ["Open one", "Open two", "Closed one"]) {
      const opened = await call("POST", "/v1/requests", {
        token: a.token,
        json: { subject, category: "usage-question", body: "Bonjour" },
      });
      expect(opened.status).toBe(201);
      if (subject.startsWith("Closed")) {
        expect((await call("POST", `/v1/requests/${opened.body.id}/close`, { token: a.token })).status).toBe(
          200,
        );
      }
    }
    const res = await asAdmin("GET", "/v1/admin/organizations?q=remise%2050%25");
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: org.id,
      name: "Remise 50% Conseil",
      userCount: 2,
      openRequestCount: 2,
    });

    const both = await asAdmin("GET", "/v1/admin/organizations?q=REMISE");
    expect(both.body.items.map((o: { name: string }) => o.name).sort()).toEqual([
      "Remise 50% Conseil",
      "Remise 500 Conseil",
    ]);

    const paged = await asAdmin("GET", "/v1/admin/organizations?q=remise&limit=1&offset=1");
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.body.items).toHaveLength(1);

    expect((await asAdmin("GET", "/v1/admin/organizations?limit=0")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/organizations?offset=-1")).status).toBe(422);
  });

  it("folds case beyond ASCII when searching organizations and users (« Élan » by « élan »)", async () => {
    const org = await t.organization("paying", [], "Élan Équipe");
    const eric = await t.user("customer", org.id, { name: "Éric Dupré" });
    for (const q of ["élan", "ÉQUIPE"]) {
      const res = await asAdmin("GET", `/v1/admin/organizations?q=${encodeURIComponent(q)}`);
      expect(
        res.body.items.map((o: { id: string }) => o.id),
        q,
      ).toEqual([org.id]);
    }
    const users = await asAdmin("GET", `/v1/admin/users?q=${encodeURIComponent("DUPRÉ")}`);
    expect(users.body.items.map((u: { id: string }) => u.id)).toEqual([eric.user.id]);
  });

  it("shows one organization with its users, pending invitations and latest 20 requests", async () => {
    const org = await t.organization("premium");
    const a = await t.user("customer", org.id);
    for (let i = 1; i <= 22; i++) {
      t.clock.advance(60_000);
      const res = await call("POST", "/v1/requests", {
        token: a.token,
        json: { subject: `Request ${i}`, category: "bug", body: "Ça plante" },
      });
      expect(res.status).toBe(201);
    }
    const email = freshEmail();
    expect(
      (
        await asAdmin("POST", "/v1/admin/invitations", {
          email,
          name: "Bea",
          role: "customer",
          organizationId: org.id,
        })
      ).status,
    ).toBe(201);
    const res = await asAdmin("GET", `/v1/admin/organizations/${org.id}`);
    expect(res.status).toBe(200);
    expect(res.body.organization).toMatchObject({
      id: org.id,
      tier: "premium",
      userCount: 1,
      openRequestCount: 22,
    });
    expect(res.body.users.map((u: { id: string }) => u.id)).toEqual([a.user.id]);
    expect(res.body.pendingInvitations.map((i: { email: string }) => i.email)).toEqual([email]);
    expect(res.body.requests).toHaveLength(20);
    expect(res.body.requests[0].subject).toBe("Request 22");
    expect(res.body.requests[19].subject).toBe("Request 3");
    expect(res.text).not.toContain("passwordHash");
    expect(res.text).not.toContain("$argon2");

    expect((await asAdmin("GET", "/v1/admin/organizations/nope")).status).toBe(404);
    expect((await asAdmin("GET", "/v1/admin/organizations/not%20an%20id")).status).toBe(422);
  });

  it("changing Paying → Premium keeps existing requests' tier and due time, while the customer sees the new tier at once", async () => {
    const org = await t.organization("paying", ["developer-support"]);
    const owner = await t.user("customer", org.id);
    const opened = await call("POST", "/v1/requests", {
      token: owner.token,
      json: { subject: "Export CSV", category: "usage-question", body: "Comment exporter ?" },
    });
    expect(opened.status).toBe(201);
    const before = await t.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", opened.body.id)
      .executeTakeFirstOrThrow();
    expect(before.tier).toBe("paying");
    expect(before.firstResponseDueAt).not.toBeNull();

    t.clock.advance(3_600_000);
    const res = await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, { tier: "premium" });
    expect(res.status).toBe(200);
    // developer-support is included in Premium, so it is no longer a purchasable add-on there.
    expect(res.body).toMatchObject({
      tier: "premium",
      addOns: [],
      droppedAddOns: ["developer-support"],
      openRequestCount: 1,
    });

    const after = await t.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", opened.body.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);

    const me = await call("GET", "/v1/me", { token: owner.token });
    expect(me.body.organization.tier).toBe("premium");
    expect(me.body.organization.entitlements["priority-support"]).toBe("included");
    const detail = await call("GET", `/v1/requests/${opened.body.id}`, { token: owner.token });
    expect(detail.body).toMatchObject({ tier: "paying", firstResponseDueAt: before.firstResponseDueAt });

    const [entry] = (await auditOf(org.id)).filter((e) => e.action === "organization.update");
    expect(JSON.parse(entry?.before ?? "null")).toEqual({ tier: "paying", addOns: ["developer-support"] });
    expect(JSON.parse(entry?.after ?? "null")).toEqual({ tier: "premium", addOns: [] });
  });

  it("validates explicit add-ons against the new tier, and changes nothing when they are refused", async () => {
    const org = await t.organization("premium");
    const refused = await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, {
      tier: "paying",
      addOns: ["priority-support"],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("invalid-add-on");
    const unchanged = await t.db
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", org.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual(org);

    const res = await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, {
      name: " Nouveau nom ",
      tier: "paying",
      addOns: ["developer-support"],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "Nouveau nom",
      tier: "paying",
      addOns: ["developer-support"],
      droppedAddOns: [],
    });

    // Same tier, add-ons only: still checked against the (current) tier.
    const again = await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, {
      addOns: ["custom-development"],
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe("invalid-add-on");

    expect((await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, { tier: "gold" })).status).toBe(422);
    expect((await asAdmin("PATCH", `/v1/admin/organizations/${org.id}`, { color: "blue" })).status).toBe(422);
    expect((await asAdmin("PATCH", "/v1/admin/organizations/nope", { name: "X" })).status).toBe(404);
  });
});

describe("invitations", () => {
  it("stores only the token's hash and queues the e-mail in the invitee's language with the portal link", async () => {
    const org = await t.organization("paying", [], "Dupont & Fils");
    const email = freshEmail("Ana.Martin");
    const res = await asAdmin("POST", "/v1/admin/invitations", {
      email: `  ${email} `,
      name: "Ana Martin",
      role: "customer",
      organizationId: org.id,
      locale: "en",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, name: "Ana Martin", role: "customer", locale: "en" });
    expect(res.body.organization).toEqual({ id: org.id, name: "Dupont & Fils", tier: "paying" });
    expect(res.body.invitedBy).toEqual({ id: admin.user.id, name: admin.user.name });
    expect(res.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * DAY_MS).toISOString());

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error("no mail");
    expect(mail.kind).toBe("invitation");
    expect(mail.locale).toBe("en");
    expect(mail.subject).toBe(
      invitationMail("en", { name: "", link: "", organizationName: null, expiresInDays: 7 }).subject,
    );
    expect(mail.textBody).toContain("Hello Ana Martin");
    expect(mail.textBody).toContain("Dupont & Fils");
    expect(mail.textBody).toContain(`${testConfig.portalUrl}/invitation?token=`);
    const token = tokenIn(mail.textBody);
    expect(token.length).toBeGreaterThanOrEqual(32);

    const row = await t.db
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.emailNormalized).toBe(email.toLowerCase());

    const [entry] = await auditOf(res.body.id);
    expect(entry).toMatchObject({ actorId: admin.user.id, action: "invitation.create", before: null });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("lets a customer invitee open the link, accept it and use the API (French by default)", async () => {
    const org = await t.organization("premium", [], "Zèbre SAS");
    const email = freshEmail();
    const res = await asAdmin("POST", "/v1/admin/invitations", {
      email,
      name: "Chloé",
      role: "customer",
      organizationId: org.id,
    });
    expect(res.status).toBe(201);
    const [mail] = await mailsTo(email);
    expect(mail?.locale).toBe("fr");
    expect(mail?.subject).toBe("Votre invitation au support Cirrus Shield");
    const [token] = await tokensFor(email);

    const seen = await call("GET", `/v1/invitations/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      email,
      name: "Chloé",
      role: "customer",
      locale: "fr",
      organizationName: "Zèbre SAS",
    });

    const accepted = await call("POST", `/v1/invitations/${token}/accept`, {
      json: { password: "a long enough password" },
    });
    expect(accepted.status).toBe(201);
    const me = await call("GET", "/v1/me", { token: accepted.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, role: "customer", organization: { id: org.id, tier: "premium" } });

    // Accepted: no longer pending, and the link is spent.
    const pending = await asAdmin("GET", "/v1/admin/invitations");
    expect(pending.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
    expect((await call("GET", `/v1/invitations/${token}`)).status).toBe(400);
  });

  it("creates staff accounts only through an admin's invitation, with no organization", async () => {
    const email = freshEmail("new-agent");
    const res = await asAdmin("POST", "/v1/admin/invitations", {
      email,
      name: "Agent Smith",
      role: "agent",
      locale: "en",
    });
    expect(res.status).toBe(201);
    expect(res.body.organization).toBeNull();
    const [token] = await tokensFor(email);
    const accepted = await call("POST", `/v1/invitations/${token}/accept`, {
      json: { password: "another long password" },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ role: "agent", organization: null });
    // An agent works the queue but cannot administer.
    expect((await call("GET", "/v1/admin/users", { token: accepted.body.token })).status).toBe(403);
  });

  it.each([
    [{ role: "customer" }, "organizationId", "required"],
    [{ role: "agent", organizationId: "ORG" }, "organizationId", "not-allowed"],
    [{ role: "admin", organizationId: "ORG" }, "organizationId", "not-allowed"],
    [{ role: "customer", organizationId: "unknown-org" }, "organizationId", "not-found"],
    [{ role: "customer", organizationId: "ORG", email: "not an e-mail" }, "email", "invalid-format"],
    [{ role: "customer", organizationId: "ORG", name: "  " }, "name", "too-small"],
    [{ role: "customer", organizationId: "ORG", name: "A\u0000B" }, "name", "invalid-format"],
    [{ role: "customer", organizationId: "bad\u0000id" }, "organizationId", "invalid-format"],
    [{ role: "customer", organizationId: "ORG", locale: "de" }, "locale", "invalid-value"],
    [{ role: "owner", organizationId: "ORG" }, "role", "invalid-value"],
    [{ role: "customer", organizationId: "ORG", password: "x" }, "password", "unknown-field"],
  ])("refuses %j with 422 on %s (%s), queuing no mail", async (input, field, code) => {
    const org = await t.organization("paying");
    const email = freshEmail();
    const body: Record<string, unknown> = { email, name: "Someone", ...input };
    if (body.organizationId === "ORG") body.organizationId = org.id;
    const res = await asAdmin("POST", "/v1/admin/invitations", body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation-failed");
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await mailsTo(email)).toHaveLength(0);
    expect(
      await t.db
        .selectFrom("invitations")
        .select("id")
        .where("emailNormalized", "=", email.toLowerCase())
        .execute(),
    ).toHaveLength(0);
  });

  it("answers 409 email-taken when an account already uses the address (in any case), inviting no one", async () => {
    const existing = await t.user("customer", (await t.organization("paying")).id, {
      email: freshEmail("Taken"),
    });
    const res = await asAdmin("POST", "/v1/admin/invitations", {
      email: existing.user.email.toUpperCase(),
      name: "Copycat",
      role: "agent",
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email-taken");
    expect(await mailsTo(existing.user.email.toUpperCase())).toHaveLength(0);
    const rows = await t.db
      .selectFrom("invitations")
      .select("id")
      .where("emailNormalized", "=", existing.user.emailNormalized)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("replaces a pending invitation for the same address: the first link stops working", async () => {
    const email = freshEmail();
    const first = await asAdmin("POST", "/v1/admin/invitations", { email, name: "Dan", role: "agent" });
    const [firstToken] = await tokensFor(email);
    const second = await asAdmin("POST", "/v1/admin/invitations", {
      email: email.toUpperCase(),
      name: "Dan",
      role: "admin",
    });
    expect(second.status).toBe(201);
    const secondToken = (await tokensFor(email.toUpperCase()))[0];
    expect((await call("GET", `/v1/invitations/${firstToken}`)).status).toBe(400);
    const seen = await call("GET", `/v1/invitations/${secondToken}`);
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe("admin");
    const old = await t.db
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", first.body.id)
      .executeTakeFirstOrThrow();
    expect(old.revokedAt).toBe(t.clock.now().toISOString());
    const pending = (await asAdmin("GET", "/v1/admin/invitations?limit=100")).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(pending).toContain(second.body.id);
    expect(pending).not.toContain(first.body.id);
  });

  it("resends with a new link and a new expiry; the old link answers 400 invalid-token", async () => {
    const email = freshEmail();
    const first = await asAdmin("POST", "/v1/admin/invitations", {
      email,
      name: "Eve",
      role: "customer",
      organizationId: customer.user.organizationId,
    });
    const [oldToken] = await tokensFor(email);
    t.clock.advance(2 * DAY_MS);
    const res = await asAdmin("POST", `/v1/admin/invitations/${first.body.id}/resend`);
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(first.body.id);
    expect(res.body).toMatchObject({ email, name: "Eve", role: "customer" });
    expect(res.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * DAY_MS).toISOString());
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.parse(first.body.expiresAt));

    const tokens = await tokensFor(email);
    expect(tokens).toHaveLength(2);
    const newToken = tokens.find((tk) => tk !== oldToken);
    const stale = await call("GET", `/v1/invitations/${oldToken}`);
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe("invalid-token");
    expect(
      (
        await call("POST", `/v1/invitations/${oldToken}/accept`, {
          json: { password: "a long enough password" },
        })
      ).status,
    ).toBe(400);
    expect((await call("GET", `/v1/invitations/${newToken}`)).status).toBe(200);

    // The replaced invitation cannot be resent again, and unknown ones are not found.
    expect((await asAdmin("POST", `/v1/admin/invitations/${first.body.id}/resend`)).status).toBe(409);
    expect((await asAdmin("POST", "/v1/admin/invitations/unknown/resend")).status).toBe(404);
  });

  it("lists only pending invitations; an expired one drops out and can be resent", async () => {
    const start = t.clock.now();
    try {
      const email = freshEmail();
      const created = await asAdmin("POST", "/v1/admin/invitations", { email, name: "Fay", role: "agent" });
      const ids = async () =>
        (await asAdmin("GET", "/v1/admin/invitations?limit=100")).body.items.map((i: { id: string }) => i.id);
      expect(await ids()).toContain(created.body.id);
      t.clock.advance(7 * DAY_MS);
      expect(await ids()).not.toContain(created.body.id);
      expect((await call("GET", `/v1/invitations/${(await tokensFor(email))[0]}`)).status).toBe(400);
      const resent = await asAdmin("POST", `/v1/admin/invitations/${created.body.id}/resend`);
      expect(resent.status).toBe(201);
      expect(await ids()).toContain(resent.body.id);
    } finally {
      t.clock.set(start);
    }
  });

  it("revokes a pending invitation", async () => {
    const email = freshEmail();
    const created = await asAdmin("POST", "/v1/admin/invitations", { email, name: "Gus", role: "agent" });
    const res = await call("POST", `/v1/admin/invitations/${created.body.id}/revoke`, { token: admin.token });
    expect(res.status).toBe(204);
    expect((await call("GET", `/v1/invitations/${(await tokensFor(email))[0]}`)).status).toBe(400);
    expect(
      (await call("POST", `/v1/admin/invitations/${created.body.id}/revoke`, { token: admin.token })).status,
    ).toBe(409);
  });

  it("refuses to resend when the address has meanwhile become an account", async () => {
    const email = freshEmail();
    const created = await asAdmin("POST", "/v1/admin/invitations", { email, name: "Hal", role: "agent" });
    await t.user("agent", null, { email });
    const res = await asAdmin("POST", `/v1/admin/invitations/${created.body.id}/resend`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email-taken");
    expect(await mailsTo(email)).toHaveLength(1);
  });
});

describe("users", () => {
  it("lists users with filters and search, never showing password hashes", async () => {
    const org = await t.organization("paying");
    const a = await t.user("customer", org.id, { name: "Inès Roux", email: freshEmail("ines") });
    const b = await t.user("customer", org.id, { name: "Jules Blanc", email: freshEmail("jules") });
    const res = await asAdmin("GET", `/v1/admin/users?organizationId=${org.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([a.user.id, b.user.id]);
    expect(res.body.items[0]).toMatchObject({
      role: "customer",
      disabled: false,
      disabledAt: null,
      organization: { id: org.id },
    });
    expect(res.text).not.toContain("passwordHash");
    expect(res.text).not.toContain("$argon2");

    const byName = await asAdmin("GET", `/v1/admin/users?organizationId=${org.id}&q=ROUX`);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([a.user.id]);
    const byEmail = await asAdmin(
      "GET",
      `/v1/admin/users?q=${encodeURIComponent(b.user.email.slice(0, 12))}`,
    );
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([b.user.id]);

    const staff = await asAdmin("GET", "/v1/admin/users?role=admin&limit=100");
    expect(staff.body.items.length).toBeGreaterThan(0);
    expect(
      staff.body.items.every(
        (u: { role: string; organization: unknown }) => u.role === "admin" && u.organization === null,
      ),
    ).toBe(true);

    expect((await asAdmin("GET", "/v1/admin/users?role=owner")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/users?q=a%00b")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/users?organizationId=a%00b")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/invitations?organizationId=a%00b")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/organizations?q=a%00b")).status).toBe(422);
    expect((await asAdmin("GET", "/v1/admin/users?limit=101")).status).toBe(422);
  });

  it("disabling ends every session of the user and blocks sign-in; enabling lets them sign in again", async () => {
    const org = await t.organization("paying");
    const target = await t.user("customer", org.id);
    const second = await login(target.user.email);
    expect(second.status).toBe(200);
    const secondToken = ((await second.json()) as { token: string }).token;

    const res = await asAdmin("POST", `/v1/admin/users/${target.user.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: target.user.id,
      disabled: true,
      disabledAt: t.clock.now().toISOString(),
    });
    expect(
      await t.db.selectFrom("sessions").select("id").where("userId", "=", target.user.id).execute(),
    ).toHaveLength(0);
    expect((await call("GET", "/v1/me", { token: target.token })).status).toBe(401);
    expect((await call("GET", "/v1/me", { token: secondToken })).status).toBe(401);
    const refused = await login(target.user.email);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("invalid-credentials");

    // Disabling twice is harmless and keeps the original time.
    t.clock.advance(60_000);
    const again = await asAdmin("POST", `/v1/admin/users/${target.user.id}/disable`);
    expect(again.body.disabledAt).toBe(res.body.disabledAt);

    const enabled = await asAdmin("POST", `/v1/admin/users/${target.user.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null });
    expect((await login(target.user.email)).status).toBe(200);

    const actions = (await auditOf(target.user.id)).map((e) => e.action);
    expect(actions).toEqual(["user.disable", "user.enable"]);
    expect((await asAdmin("POST", "/v1/admin/users/nobody/disable")).status).toBe(404);
  });

  it("an admin cannot disable or demote themselves (409), and stays an admin", async () => {
    const self = await t.user("admin");
    const disable = await call("POST", `/v1/admin/users/${self.user.id}/disable`, { token: self.token });
    expect(disable.status).toBe(409);
    expect(disable.body.code).toBe("conflict");
    const demote = await call("PATCH", `/v1/admin/users/${self.user.id}`, {
      token: self.token,
      json: { role: "agent" },
    });
    expect(demote.status).toBe(409);
    const row = await t.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", self.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "admin", disabledAt: null });
    expect((await call("GET", "/v1/admin/users", { token: self.token })).status).toBe(200);
    // Other changes to oneself are fine.
    const renamed = await call("PATCH", `/v1/admin/users/${self.user.id}`, {
      token: self.token,
      json: { name: " Ada ", locale: "en" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Ada", locale: "en", role: "admin" });
  });

  it("changes staff roles between agent and admin only, effective at once", async () => {
    const promoted = await t.user("agent");
    expect((await call("GET", "/v1/admin/users", { token: promoted.token })).status).toBe(403);
    const up = await asAdmin("PATCH", `/v1/admin/users/${promoted.user.id}`, { role: "admin" });
    expect(up.status).toBe(200);
    expect(up.body.role).toBe("admin");
    expect((await call("GET", "/v1/admin/users", { token: promoted.token })).status).toBe(200);

    const down = await asAdmin("PATCH", `/v1/admin/users/${promoted.user.id}`, { role: "agent" });
    expect(down.status).toBe(200);
    expect((await call("GET", "/v1/admin/users", { token: promoted.token })).status).toBe(403);

    const entries = await auditOf(promoted.user.id);
    expect(
      entries.map((e) => [e.action, JSON.parse(e.before ?? "null"), JSON.parse(e.after ?? "null")]),
    ).toEqual([
      ["user.update", { role: "agent" }, { role: "admin" }],
      ["user.update", { role: "admin" }, { role: "agent" }],
    ]);
  });

  it.each([
    ["customer", "agent"],
    ["customer", "admin"],
    ["agent", "customer"],
    ["admin", "customer"],
  ] as const)("refuses to turn a %s into a %s (422)", async (from, to) => {
    const target = await t.user(from, from === "customer" ? customer.user.organizationId : null);
    const res = await asAdmin("PATCH", `/v1/admin/users/${target.user.id}`, { role: to });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ field: "role", code: "role-change-not-allowed" }),
    );
    const row = await t.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", target.user.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe(from);
  });

  it("validates user changes", async () => {
    const target = await t.user("agent");
    expect(
      (await asAdmin("PATCH", `/v1/admin/users/${target.user.id}`, { email: "x@example.test" })).status,
    ).toBe(422);
    expect((await asAdmin("PATCH", `/v1/admin/users/${target.user.id}`, { name: "" })).status).toBe(422);
    expect((await asAdmin("PATCH", `/v1/admin/users/${target.user.id}`, { locale: "es" })).status).toBe(422);
    expect((await asAdmin("PATCH", "/v1/admin/users/nobody", { name: "X" })).status).toBe(404);
    const bad = await t.call("PATCH", `/v1/admin/users/${target.user.id}`, {
      token: admin.token,
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("authorization: anonymous 401, customer 403, agent 403, admin 2xx", () => {
  interface Case {
    name: string;
    ok: number;
    make: () => Promise<{ method: string; path: string; json?: unknown }>;
  }
  const invitationId = async () => {
    const res = await asAdmin("POST", "/v1/admin/invitations", {
      email: freshEmail(),
      name: "Auth",
      role: "agent",
    });
    return res.body.id as string;
  };
  const cases: Case[] = [
    {
      name: "GET /v1/admin/organizations",
      ok: 200,
      make: async () => ({ method: "GET", path: "/v1/admin/organizations" }),
    },
    {
      name: "POST /v1/admin/organizations",
      ok: 201,
      make: async () => ({
        method: "POST",
        path: "/v1/admin/organizations",
        json: { name: "Authz", tier: "free" },
      }),
    },
    {
      name: "GET /v1/admin/organizations/{id}",
      ok: 200,
      make: async () => ({
        method: "GET",
        path: `/v1/admin/organizations/${(await t.organization("free")).id}`,
      }),
    },
    {
      name: "PATCH /v1/admin/organizations/{id}",
      ok: 200,
      make: async () => ({
        method: "PATCH",
        path: `/v1/admin/organizations/${(await t.organization("free")).id}`,
        json: { tier: "paying" },
      }),
    },
    { name: "GET /v1/admin/users", ok: 200, make: async () => ({ method: "GET", path: "/v1/admin/users" }) },
    {
      name: "PATCH /v1/admin/users/{id}",
      ok: 200,
      make: async () => ({
        method: "PATCH",
        path: `/v1/admin/users/${(await t.user("agent")).user.id}`,
        json: { role: "admin" },
      }),
    },
    {
      name: "POST /v1/admin/users/{id}/disable",
      ok: 200,
      make: async () => ({
        method: "POST",
        path: `/v1/admin/users/${(await t.user("agent")).user.id}/disable`,
      }),
    },
    {
      name: "POST /v1/admin/users/{id}/enable",
      ok: 200,
      make: async () => ({
        method: "POST",
        path: `/v1/admin/users/${(await t.user("agent")).user.id}/enable`,
      }),
    },
    {
      name: "POST /v1/admin/invitations",
      ok: 201,
      make: async () => ({
        method: "POST",
        path: "/v1/admin/invitations",
        json: { email: freshEmail(), name: "Authz", role: "agent" },
      }),
    },
    {
      name: "GET /v1/admin/invitations",
      ok: 200,
      make: async () => ({ method: "GET", path: "/v1/admin/invitations" }),
    },
    {
      name: "POST /v1/admin/invitations/{id}/resend",
      ok: 201,
      make: async () => ({ method: "POST", path: `/v1/admin/invitations/${await invitationId()}/resend` }),
    },
    { name: "GET /v1/admin/audit", ok: 200, make: async () => ({ method: "GET", path: "/v1/admin/audit" }) },
    {
      name: "POST /v1/admin/invitations/{id}/revoke",
      ok: 204,
      make: async () => ({ method: "POST", path: `/v1/admin/invitations/${await invitationId()}/revoke` }),
    },
  ];

  it.each(cases)("$name", async ({ make, ok }) => {
    const { method, path, json } = await make();
    const anonymous = await call(method, path, { json });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe("unauthenticated");
    for (const who of [customer, agent]) {
      const res = await call(method, path, { token: who.token, json });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    expect((await call(method, path, { token: admin.token, json })).status).toBe(ok);
  });

  it("covers every admin route of the OpenAPI document", async () => {
    const doc = (await call("GET", "/openapi.json")).body as {
      paths: Record<string, Record<string, { "x-access"?: string }>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/v1/admin/"))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          name: `${method.toUpperCase()} ${path}`,
          access: op["x-access"],
        })),
      );
    expect(documented.map((d) => d.name).sort()).toEqual(cases.map((c) => c.name).sort());
    expect(documented.every((d) => d.access === "admin")).toBe(true);
  });
});

describe("there is always an enabled admin", () => {
  it("when the last two admins demote each other at the same moment, only one succeeds", async () => {
    const a = await t.user("admin");
    const b = await t.user("admin");
    // Leave a and b as the only enabled admins for this test, then restore the others.
    const others = await t.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .where("disabledAt", "is", null)
      .where("id", "not in", [a.user.id, b.user.id])
      .execute();
    const otherIds = others.map((o) => o.id);
    await t.db
      .updateTable("users")
      .set({ disabledAt: t.clock.now().toISOString() })
      .where("id", "in", otherIds)
      .execute();
    try {
      const [ab, ba] = await Promise.all([
        call("PATCH", `/v1/admin/users/${b.user.id}`, { token: a.token, json: { role: "agent" } }),
        call("PATCH", `/v1/admin/users/${a.user.id}`, { token: b.token, json: { role: "agent" } }),
      ]);
      const statuses = [ab.status, ba.status].sort();
      // The loser is refused either by the last-admin rule (409) or, if it signs in after the
      // winner's commit, because it is no longer an admin (403).
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const admins = await t.db
        .selectFrom("users")
        .select("id")
        .where("role", "=", "admin")
        .where("disabledAt", "is", null)
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await t.db.updateTable("users").set({ disabledAt: null }).where("id", "in", otherIds).execute();
    }
  });
});
