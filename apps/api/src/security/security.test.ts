/**
 * Security review as tests, for what routes/auth.test.ts, authorization.test.ts and fuzz.test.ts do
 * not already cover: brute force at scale (100 attempts), session fixation, header injection through
 * e-mail subjects (typed in the API and arriving by mail), oversized bodies on several routes.
 */
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpDialogue } from "../faults/support.ts";
import { createLogger } from "../logger.ts";
import { type InboundServer, startInboundServer } from "../mail/inbound.ts";
import { toNodemailer } from "../mail/sender.ts";
import { createTestApp, fixturePassword, type TestApp, testConfig } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  t.call("POST", "/v1/auth/login", {
    json: { email, password },
    headers: { "x-forwarded-for": ip, ...headers },
  });

async function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(((await res.json()) as { code: string }).code).toBe("rate-limited");
}

describe("brute force", () => {
  it("100 wrong passwords on one account from one IP: 5 tries, then 429 with Retry-After; the owner gets in after the wait", async () => {
    const { user } = await t.user("customer", (await t.organization("paying")).id);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await login(user.email, `guess-${i}-password`, "203.0.113.100");
      statuses.push(res.status);
      if (res.status === 429) await expectLimited(res);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // The right password does not bypass the limit (or an attacker would learn it is right)…
    await expectLimited(await login(user.email, fixturePassword, "198.51.100.100"));
    // …and after the announced wait, the owner signs in, even from the attacker's network.
    t.clock.advance(61_000);
    expect((await login(user.email, fixturePassword, "203.0.113.100")).status).toBe(200);
  });

  it("100 wrong passwords across 100 accounts from one IP: 30 tries, then 429; other users are not locked out", async () => {
    const org = await t.organization("paying");
    const victim = (await t.user("customer", org.id)).user;
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await login(
        i === 50 ? victim.email : `target${i}@example.test`,
        "wrong password",
        "192.0.2.100",
      );
      statuses.push(res.status);
      if (res.status === 429) await expectLimited(res);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // The victim's own account was not touched by the limited attempts: they sign in from elsewhere.
    expect((await login(victim.email, fixturePassword, "198.51.100.101")).status).toBe(200);
    // The attacking address gets one try every 6 s again.
    await expectLimited(await login(victim.email, fixturePassword, "192.0.2.100"));
    t.clock.advance(6_000);
    expect((await login(victim.email, fixturePassword, "192.0.2.100")).status).toBe(200);
  });
});

describe("session fixation", () => {
  it("never adopts a token the client brings: sign-in issues a new one and the planted one stays invalid", async () => {
    const { user, token: existing } = await t.user("customer", (await t.organization("paying")).id);
    const planted = "plantedsessionid00000000.plantedsecret0000000000000000";
    for (const bearer of [planted, existing]) {
      const res = await login(user.email, fixturePassword, "203.0.113.200", {
        authorization: `Bearer ${bearer}`,
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      expect(token).not.toBe(bearer);
      expect(token.split(".")[0]).not.toBe(bearer.split(".")[0]);
      expect((await t.call("GET", "/v1/me", { token })).status).toBe(200);
    }
    expect((await t.call("GET", "/v1/me", { token: planted })).status).toBe(401);
    expect(
      await t.db
        .selectFrom("sessions")
        .select("id")
        .where("id", "=", planted.split(".")[0] as string)
        .execute(),
    ).toEqual([]);
  });
});

/** The mail as it goes on the wire: nodemailer composes it from the outbox row, as the sender does. */
async function wireHeaders(requestId: string) {
  const row = await t.db
    .selectFrom("outbox")
    .selectAll()
    .where("requestId", "=", requestId)
    .orderBy("createdAt")
    .executeTakeFirstOrThrow();
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(
    toNodemailer(row, "Cirrus Shield Support <support@cirrus-shield.com>"),
  );
  const raw = (info.message as Buffer).toString("utf8");
  const head = raw.slice(0, raw.indexOf("\n\n"));
  return { head, parsed: await simpleParser(raw) };
}

function expectNoInjectedHeader(head: string, parsed: Awaited<ReturnType<typeof simpleParser>>) {
  expect(head).not.toMatch(/^(bcc|x-injected):/im);
  expect(parsed.bcc).toBeUndefined();
  expect(parsed.headers.has("x-injected")).toBe(false);
  expect([...parsed.headers.keys()].filter((k) => k === "subject")).toHaveLength(1);
}

describe("header injection through e-mail subjects", () => {
  it("a subject typed with CR/LF is refused or never becomes a header", async () => {
    const customer = await t.user("customer", (await t.organization("premium")).id);
    const res = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: {
        subject: "Bonjour\r\nBcc: attacker@evil.example\r\nX-Injected: yes",
        category: "usage-question",
        body: "Texte.",
      },
    });
    if (res.status === 201) {
      const { head, parsed } = await wireHeaders(((await res.json()) as { id: string }).id);
      expectNoInjectedHeader(head, parsed);
    } else {
      expect(res.status).toBe(422);
    }
  });

  it("a mail whose encoded subject hides CR/LF opens a request whose acknowledgement carries no extra header", async () => {
    const customer = await t.user("customer", (await t.organization("premium")).id);
    const inbound: InboundServer = await startInboundServer({
      host: "127.0.0.1",
      port: 0,
      deps: {
        db: t.db,
        clock: t.clock.now,
        links: testConfig,
        logger: createLogger("silent"),
        attachments: t.attachments,
      },
    });
    try {
      const smtp = await smtpDialogue(inbound.port);
      await smtp.command("EHLO attacker.example");
      await smtp.command(`MAIL FROM:<${customer.user.email}>`);
      await smtp.command("RCPT TO:<support@cirrus-shield.com>");
      expect(await smtp.command("DATA")).toMatch(/^354/);
      smtp.write(
        [
          `From: <${customer.user.email}>`,
          "To: <support@cirrus-shield.com>",
          "Subject: =?UTF-8?Q?Bonjour=0D=0ABcc=3A_attacker=40evil=2Eexample=0D=0AX-Injected=3A_yes?=",
          "Message-ID: <injection-test@attacker.example>",
          "",
          "Texte.",
          ".",
          "",
        ].join("\r\n"),
      );
      expect(await smtp.reply()).toMatch(/^250 /);
      await smtp.command("QUIT").catch(() => "closed");
    } finally {
      await inbound.close();
    }
    const request = await t.db
      .selectFrom("requests")
      .select(["id", "subject"])
      .where("channel", "=", "email")
      .where("openedBy", "=", customer.user.id)
      .executeTakeFirstOrThrow();
    expect(request.subject).not.toMatch(/[\r\n]/);
    const { head, parsed } = await wireHeaders(request.id);
    expectNoInjectedHeader(head, parsed);
  });
});

describe("oversized bodies", () => {
  it("answer 413 problem+json on public, authenticated and staff routes alike", async () => {
    const agent = await t.user("agent");
    const huge = JSON.stringify({ body: "x".repeat(300 * 1024) });
    const calls: [string, string, string | undefined][] = [
      ["POST", "/v1/auth/login", undefined],
      ["POST", "/v1/feedback", undefined],
      ["POST", "/v1/requests", agent.token],
      ["POST", "/v1/agent/canned-replies", agent.token],
    ];
    for (const [method, path, token] of calls) {
      const res = await t.call(method, path, {
        token,
        body: huge,
        headers: { "content-type": "application/json" },
      });
      expect(res.status, path).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe("payload-too-large");
    }
  });
});
