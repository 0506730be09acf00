// Sign-in, sessions (timeouts, last use, sign-out, password change) and password reset over a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionPolicy } from "../auth/sessions.ts";
import { createTestApp, fixturePassword, type TestApp } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function login(email: string, password: string, ip = "203.0.113.1") {
  return t.call("POST", "/v1/auth/login", { json: { email, password }, headers: { "x-forwarded-for": ip } });
}

describe("sign-in", () => {
  it("returns a <id>.<secret> token usable as Bearer, and stores only the secret's hash", async () => {
    const org = await t.organization("paying");
    const { user } = await t.user("customer", org.id, { email: "Ana.Martin@Example.test" });
    const res = await login("  ana.martin@EXAMPLE.test ", fixturePassword);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as {
      token: string;
      user: { id: string; organization: { tier: string } };
    };
    expect(body.user.id).toBe(user.id);
    expect(body.user.organization.tier).toBe("paying");
    const [id, secret] = body.token.split(".");
    expect(id).toMatch(/^[a-z2-9]{24}$/);
    expect(secret).toMatch(/^[a-z2-9]{24}$/);
    const row = await t.db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", id as string)
      .executeTakeFirstOrThrow();
    expect(row.secretHash).not.toContain(secret as string);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const me = await t.call("GET", "/v1/me", { token: body.token });
    expect(me.status).toBe(200);
  });

  it("answers the same problem for a wrong password and an unknown e-mail", async () => {
    const org = await t.organization("paying");
    const { user } = await t.user("customer", org.id);
    const wrong = await login(user.email, "not the password", "203.0.113.2");
    const unknown = await login("nobody@example.test", "not the password", "203.0.113.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    const a = (await wrong.json()) as Record<string, unknown>;
    const b = (await unknown.json()) as Record<string, unknown>;
    expect(a.code).toBe("invalid-credentials");
    expect({ ...a, instance: null, requestId: null }).toEqual({ ...b, instance: null, requestId: null });
  });

  it("creates a new session on every sign-in", async () => {
    const org = await t.organization("premium");
    const { user } = await t.user("customer", org.id);
    const first = (await (await login(user.email, fixturePassword, "203.0.113.3")).json()) as {
      token: string;
    };
    const second = (await (await login(user.email, fixturePassword, "203.0.113.3")).json()) as {
      token: string;
    };
    expect(first.token).not.toBe(second.token);
    expect((await t.call("GET", "/v1/me", { token: first.token })).status).toBe(200);
  });

  it("limits attempts per account with 429 and Retry-After, then lets the right user in after refill", async () => {
    const org = await t.organization("paying");
    const { user } = await t.user("customer", org.id);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(user.email, "wrong", `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const limited = await login(user.email, fixturePassword, "198.51.100.50");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    t.clock.advance(61_000);
    expect((await login(user.email, fixturePassword, "198.51.100.51")).status).toBe(200);
  });

  it("limits attempts per IP across accounts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await login(`someone${i}@example.test`, "wrong", "192.0.2.99")).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it("refuses a disabled account with the same problem as a wrong password", async () => {
    const org = await t.organization("paying");
    const { user } = await t.user("customer", org.id);
    await t.db
      .updateTable("users")
      .set({ disabledAt: t.clock.now().toISOString() })
      .where("id", "=", user.id)
      .execute();
    const res = await login(user.email, fixturePassword, "203.0.113.9");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe("invalid-credentials");
  });
});

describe("sessions", () => {
  it("expire after the inactivity timeout, and sliding use keeps them alive", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    t.clock.advance(sessionPolicy.inactivityTimeoutMs - 60_000);
    expect((await t.call("GET", "/v1/me", { token })).status).toBe(200); // touches lastUsedAt
    t.clock.advance(sessionPolicy.inactivityTimeoutMs - 60_000);
    expect((await t.call("GET", "/v1/me", { token })).status).toBe(200);
    t.clock.advance(sessionPolicy.inactivityTimeoutMs);
    expect((await t.call("GET", "/v1/me", { token })).status).toBe(401);
  });

  it("end at the absolute lifetime however active they are", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const steps = Math.ceil(sessionPolicy.absoluteLifetimeMs / (5 * 86_400_000));
    let last = 200;
    for (let i = 0; i < steps; i++) {
      t.clock.advance(5 * 86_400_000);
      last = (await t.call("GET", "/v1/me", { token })).status;
      if (last !== 200) break;
    }
    expect(last).toBe(401);
  });

  it("write the last-use time at most once an hour", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const id = token.split(".")[0] as string;
    const before = await t.db
      .selectFrom("sessions")
      .select("lastUsedAt")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    t.clock.advance(30 * 60_000);
    await t.call("GET", "/v1/me", { token });
    const during = await t.db
      .selectFrom("sessions")
      .select("lastUsedAt")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(during.lastUsedAt).toBe(before.lastUsedAt);
    t.clock.advance(31 * 60_000);
    await t.call("GET", "/v1/me", { token });
    const after = await t.db
      .selectFrom("sessions")
      .select("lastUsedAt")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it("reject a token with a wrong secret, malformed tokens and unknown ids", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const id = token.split(".")[0];
    for (const bad of [`${id}.wrongsecretwrongsecretwr`, id, "", ".", "a.b.c", "x".repeat(500), `${id}.`]) {
      expect((await t.call("GET", "/v1/me", { token: bad as string })).status).toBe(401);
    }
  });

  it("logout ends only this session and answers no-store", async () => {
    const org = await t.organization("paying");
    const { user, token } = await t.user("customer", org.id);
    const other = (await (await login(user.email, fixturePassword, "203.0.113.20")).json()) as {
      token: string;
    };
    const res = await t.call("POST", "/v1/auth/logout", { token });
    expect(res.status).toBe(204);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await t.call("GET", "/v1/me", { token })).status).toBe(401);
    expect((await t.call("GET", "/v1/me", { token: other.token })).status).toBe(200);
  });

  it("a password change kills every other session and needs the current password", async () => {
    const org = await t.organization("paying");
    const { user, token } = await t.user("customer", org.id);
    const other = (await (await login(user.email, fixturePassword, "203.0.113.21")).json()) as {
      token: string;
    };
    const wrong = await t.call("POST", "/v1/me/password", {
      token,
      json: { currentPassword: "nope", newPassword: "a brand new passphrase" },
    });
    expect(wrong.status).toBe(422);
    const ok = await t.call("POST", "/v1/me/password", {
      token,
      json: { currentPassword: fixturePassword, newPassword: "a brand new passphrase" },
    });
    expect(ok.status).toBe(204);
    expect((await t.call("GET", "/v1/me", { token })).status).toBe(200);
    expect((await t.call("GET", "/v1/me", { token: other.token })).status).toBe(401);
    expect((await login(user.email, "a brand new passphrase", "203.0.113.22")).status).toBe(200);
  });

  it("lists my sessions and lets me end another one", async () => {
    const org = await t.organization("paying");
    const { user, token } = await t.user("customer", org.id);
    const other = (await (await login(user.email, fixturePassword, "203.0.113.23")).json()) as {
      token: string;
    };
    const list = (await (await t.call("GET", "/v1/me/sessions", { token })).json()) as {
      items: { id: string; current: boolean }[];
    };
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s) => s.current)).toHaveLength(1);
    const otherId = other.token.split(".")[0] as string;
    expect((await t.call("DELETE", `/v1/me/sessions/${otherId}`, { token })).status).toBe(204);
    expect((await t.call("GET", "/v1/me", { token: other.token })).status).toBe(401);
    // Someone else's session id is "not found".
    const stranger = await t.user("customer", org.id);
    expect(
      (await t.call("DELETE", `/v1/me/sessions/${stranger.token.split(".")[0]}`, { token })).status,
    ).toBe(404);
  });
});

describe("password reset", () => {
  async function resetToken(email: string): Promise<string> {
    const res = await t.call("POST", "/v1/auth/password-reset", {
      json: { email },
      headers: { "x-forwarded-for": "203.0.113.40" },
    });
    expect(res.status).toBe(202);
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("toAddress", "=", email)
      .where("kind", "=", "password-reset")
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    const token = /token=([a-z2-9]+)/.exec(mail.textBody)?.[1];
    expect(token).toBeDefined();
    return token as string;
  }

  it("answers 202 for unknown e-mails too, and sends nothing", async () => {
    const before = await t.db.selectFrom("outbox").select("id").execute();
    const res = await t.call("POST", "/v1/auth/password-reset", { json: { email: "ghost@example.test" } });
    expect(res.status).toBe(202);
    expect(await t.db.selectFrom("outbox").select("id").execute()).toHaveLength(before.length);
  });

  it("sets a new password once, kills all sessions, and the link cannot be reused", async () => {
    const org = await t.organization("paying");
    const { user, token: session } = await t.user("customer", org.id, { locale: "en" });
    const token = await resetToken(user.email);
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("toAddress", "=", user.email)
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("en");
    expect(mail.subject).toMatch(/Reset your/);
    const stored = await t.db
      .selectFrom("passwordResets")
      .selectAll()
      .where("userId", "=", user.id)
      .execute();
    expect(stored.every((r) => !r.tokenHash.includes(token))).toBe(true);

    const ok = await t.call("POST", "/v1/auth/password-reset/confirm", {
      json: { token, password: "another long passphrase" },
    });
    expect(ok.status).toBe(204);
    expect((await t.call("GET", "/v1/me", { token: session })).status).toBe(401);
    const again = await t.call("POST", "/v1/auth/password-reset/confirm", {
      json: { token, password: "yet another passphrase" },
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: string }).code).toBe("invalid-token");
    expect((await login(user.email, "another long passphrase", "203.0.113.41")).status).toBe(200);
  });

  it("expires after one hour", async () => {
    const org = await t.organization("paying");
    const { user } = await t.user("customer", org.id);
    const token = await resetToken(user.email);
    t.clock.advance(3_600_001);
    const res = await t.call("POST", "/v1/auth/password-reset/confirm", {
      json: { token, password: "another long passphrase" },
    });
    expect(res.status).toBe(400);
  });

  it("rejects passwords shorter than 8 or longer than 128 characters", async () => {
    for (const password of ["short", "x".repeat(129)]) {
      const res = await t.call("POST", "/v1/auth/password-reset/confirm", {
        json: { token: "whatever", password },
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { errors: { field: string }[] };
      expect(body.errors[0]?.field).toBe("password");
    }
  });
});
