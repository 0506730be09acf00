/**
 * Inbound mail end to end: nodemailer sends real SMTP on loopback to our listener, and the request,
 * reply, auto-reply or refusal shows up in the database and through the API — with the SMTP codes
 * a sending server would see.
 */
import { firstResponseDueAt, supportEmail } from "@cirrus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentStorage } from "../attachments/storage.ts";
import { createLogger } from "../logger.ts";
import { type Actor, createTestApp, type TestApp, testConfig } from "../test-support/app.ts";
import { createTestDatabase, outboxTo as queuedMailsTo } from "../test-support/database.ts";
import { type MailOptions, messageIds, sendToSupport, smtpClient } from "../test-support/smtp-relay.ts";
import { type InboundServer, startInboundServer } from "./inbound.ts";

let t: TestApp;
let inbound: InboundServer;
const logger = createLogger("silent");
const maxBytes = 256 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  inbound = await startInboundServer({
    host: "127.0.0.1",
    port: 0,
    maxBytes,
    deps: { db: t.db, clock: t.clock.now, links: testConfig, attachments: t.attachments, logger },
  });
});
afterAll(async () => {
  await inbound.close();
  await t.close();
});

const messageId = messageIds("test");
const send = (options: MailOptions) => sendToSupport(inbound.port, options);

/** The SMTP error a send got (its `responseCode`), or a failure when it was accepted. */
async function refusal(options: MailOptions): Promise<{ responseCode?: number; response?: string }> {
  try {
    await send(options);
  } catch (error) {
    return error as { responseCode?: number; response?: string };
  }
  throw new Error("the mail was accepted");
}

async function logOf(id: string) {
  return t.db.selectFrom("inboundMail").selectAll().where("messageId", "=", id).executeTakeFirstOrThrow();
}

async function requestsOf(customer: Actor) {
  const res = await t.call("GET", "/v1/requests", { token: customer.token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<Record<string, unknown>> }).items;
}

async function detail(customer: Actor, id: string) {
  const res = await t.call("GET", `/v1/requests/${id}`, { token: customer.token });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    reference: string;
    status: string;
    messages: Array<{ body: string; author: { id: string } }>;
    linkedRequest: { id: string } | null;
  };
}

const outboxTo = (address: string) => queuedMailsTo(t.db, address);

describe("a mail from a customer whose plan includes e-mail support", () => {
  it("opens a request on the e-mail channel, due by the domain's rule at receipt, visible in the portal", async () => {
    const org = await t.organization("premium");
    const claire = await t.user("customer", org.id, { name: "Claire", email: "claire@transports.example" });
    const id = messageId();
    const info = await send({
      from: "Claire <Claire@Transports.example>",
      subject: "Le module Facturation affiche une page blanche",
      text: "Bonjour,\n\ndepuis ce matin le module Facturation est vide.\n\nClaire",
      messageId: id,
    });
    expect(info.response).toMatch(/^250 .*request-opened/);

    const [item, ...others] = await requestsOf(claire);
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      subject: "Le module Facturation affiche une page blanche",
      channel: "email",
      category: "usage-question",
      status: "new",
      tier: "premium",
      receivedAt: t.clock.now().toISOString(),
      firstResponseDueAt: firstResponseDueAt("premium", t.clock.now())?.toISOString(),
      openedBy: { id: claire.user.id, name: "Claire" },
    });
    const request = await detail(claire, String(item?.id));
    expect(request.messages.map((m) => m.body)).toEqual([
      "Bonjour,\n\ndepuis ce matin le module Facturation est vide.\n\nClaire",
    ]);
    expect(await logOf(id)).toMatchObject({ outcome: "request-opened", requestId: item?.id, autoReplied: 0 });

    // The acknowledgement answers the customer's own mail, so their client threads it.
    const [ack] = await outboxTo(claire.user.email);
    expect(ack?.kind).toBe("request-received");
    expect(ack?.subject).toBe(`[${request.reference}] Le module Facturation affiche une page blanche`);
    expect(JSON.parse(ack?.headers ?? "{}")).toMatchObject({
      "In-Reply-To": id,
      References: `<request-${item?.id}@support.cirrus-shield.com> ${id}`,
    });
  });

  it("threads a reply by the reference in its subject, without the quoted history", async () => {
    const org = await t.organization("paying");
    const marc = await t.user("customer", org.id);
    await send({
      from: marc.user.email,
      subject: "Export CSV",
      text: "Où est l’export ?",
      messageId: messageId(),
    });
    const [item] = await requestsOf(marc);
    const reference = String(item?.reference);
    t.clock.advance(60_000);
    const id = messageId();
    const info = await send({
      from: marc.user.email,
      subject: `RE: [${reference}] Export CSV`,
      text: [
        "Merci, ça fonctionne !",
        "",
        "Le jeu. 26 nov. 2026 à 10:05, Support Cirrus Shield <",
        "support@cirrus-shield.com> a écrit :",
        "> Bonjour,",
        "> l’export est dans le menu Outils.",
      ].join("\n"),
      messageId: id,
    });
    expect(info.response).toMatch(/reply-added/);
    const request = await detail(marc, String(item?.id));
    expect(request.messages.map((m) => m.body)).toEqual(["Où est l’export ?", "Merci, ça fonctionne !"]);
    expect(await requestsOf(marc)).toHaveLength(1);
    expect(await logOf(id)).toMatchObject({ outcome: "reply-added", requestId: item?.id });
  });

  it("threads a reply by In-Reply-To (one of our Message-IDs), stripping Outlook's and '>' history", async () => {
    const org = await t.organization("premium");
    const karim = await t.user("customer", org.id, { locale: "en" });
    const agent = await t.user("agent");
    await send({
      from: karim.user.email,
      subject: "API keys",
      text: "How do I rotate keys?",
      messageId: messageId(),
    });
    const [item] = await requestsOf(karim);
    t.clock.advance(60_000);
    await t.call("POST", `/v1/agent/requests/${item?.id}/messages`, {
      token: agent.token,
      json: { body: "Settings > API > Rotate.", visibility: "public" },
    });
    const ours = (await outboxTo(karim.user.email)).find((m) => m.kind === "agent-reply");
    t.clock.advance(60_000);
    expect(ours?.messageId).toMatch(/^<outbox-/);
    // No reference in the subject: only the header ties it to the request.
    const info = await send({
      from: karim.user.email,
      subject: "Re: your answer",
      text: [
        "Done, thanks.",
        "",
        "-----Original Message-----",
        "From: Cirrus Shield Support <support@cirrus-shield.com>",
        "Sent: Thursday, November 26, 2026 10:00 AM",
        "> Settings > API > Rotate.",
      ].join("\n"),
      inReplyTo: ours?.messageId ?? "",
      references: ours?.messageId ?? "",
      messageId: messageId(),
    });
    expect(info.response).toMatch(/reply-added/);
    const request = await detail(karim, String(item?.id));
    expect(request.messages.map((m) => m.body)).toEqual([
      "How do I rotate keys?",
      "Settings > API > Rotate.",
      "Done, thanks.",
    ]);
    // The customer's reply put the request back to the agents, and the thread goes on.
    expect(request.status).toBe("open");
  });

  it("reopens a closed request when the reply comes within the reopen window", async () => {
    const org = await t.organization("paying");
    const customer = await t.user("customer", org.id);
    await send({ from: customer.user.email, subject: "Droits", text: "Question.", messageId: messageId() });
    const [item] = await requestsOf(customer);
    await t.call("POST", `/v1/requests/${item?.id}/close`, { token: customer.token });
    t.clock.advance(60_000);
    const info = await send({
      from: customer.user.email,
      subject: `Re: [${item?.reference}] Droits`,
      text: "Finalement, le problème revient.",
      messageId: messageId(),
    });
    expect(info.response).toMatch(/reply-added/);
    const request = await detail(customer, String(item?.id));
    expect(request.status).toBe("open");
    expect(request.messages.at(-1)?.body).toBe("Finalement, le problème revient.");
  });

  it("opens a new, linked request when the reply comes to a request closed for good", async () => {
    const org = await t.organization("paying");
    const customer = await t.user("customer", org.id);
    await send({ from: customer.user.email, subject: "Ancienne", text: "Question.", messageId: messageId() });
    const [old] = await requestsOf(customer);
    await t.call("POST", `/v1/requests/${old?.id}/close`, { token: customer.token });
    t.clock.advance(31 * 86_400_000);
    const info = await send({
      from: customer.user.email,
      subject: `Re: [${old?.reference}] Ancienne`,
      text: "Le problème est revenu.",
      messageId: messageId(),
    });
    expect(info.response).toMatch(/request-opened/);
    // 31 days on, the fixture's session has expired: read the database directly.
    const items = await t.db
      .selectFrom("requests")
      .selectAll()
      .where("organizationId", "=", org.id)
      .orderBy("number")
      .execute();
    expect(items.map((r) => [r.id === old?.id, r.status, r.channel, r.subject])).toEqual([
      [true, "closed", "email", "Ancienne"],
      [false, "new", "email", "Ancienne"],
    ]);
    expect(items[1]?.linkedRequestId).toBe(old?.id);
  });

  it("never threads into another organization's request, whatever the subject or headers say", async () => {
    const victimOrg = await t.organization("premium");
    const victim = await t.user("customer", victimOrg.id);
    await send({ from: victim.user.email, subject: "Confidentiel", text: "Secret.", messageId: messageId() });
    const [theirs] = await requestsOf(victim);
    const [theirMail] = await outboxTo(victim.user.email);
    const attacker = await t.user("customer", (await t.organization("premium")).id);
    const info = await send({
      from: attacker.user.email,
      subject: `Re: [${theirs?.reference}] Confidentiel`,
      text: "Injection.",
      inReplyTo: theirMail?.messageId ?? "",
      messageId: messageId(),
    });
    expect(info.response).toMatch(/request-opened/);
    expect((await detail(victim, String(theirs?.id))).messages.map((m) => m.body)).toEqual(["Secret."]);
    expect(await requestsOf(attacker)).toHaveLength(1);
  });

  it("opens a request from an HTML-only mail as safe text", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    await send({
      from: customer.user.email,
      subject: "HTML",
      html: '<p>Bonjour,</p><p>le bouton <b>Exporter</b> ne répond pas.</p><script>alert("x")</script><img src="x" onerror="alert(1)">',
      messageId: messageId(),
    });
    const [item] = await requestsOf(customer);
    const body = (await detail(customer, String(item?.id))).messages[0]?.body ?? "";
    expect(body).toContain("Bonjour,");
    expect(body).toContain("le bouton Exporter ne répond pas.");
    expect(body).not.toMatch(/<[a-z]/i);
    expect(body).not.toContain("alert");
  });

  it("keeps the text but not a file whose content is not what its name says, and says so to both", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    const id = messageId();
    await send({
      from: customer.user.email,
      subject: "Capture d’écran",
      text: "Voir la capture jointe.",
      // Named .png, but control bytes: recognised by content, it is no accepted type.
      attachments: [{ filename: "capture.png", content: Buffer.alloc(3000, 1) }],
      messageId: id,
    });
    const [item] = await requestsOf(customer);
    const body = (await detail(customer, String(item?.id))).messages[0]?.body;
    expect(body).toBe("Voir la capture jointe.\n\n[Pièces jointes non conservées : capture.png (3 kB)]");
    const [ack] = await outboxTo(customer.user.email);
    expect(ack?.textBody).toContain("1 pièce jointe non conservée : capture.png.");
    expect((await logOf(id)).attachmentCount).toBe(1);
    const stored = await t.db
      .selectFrom("attachments")
      .select("id")
      .where("uploaderId", "=", customer.user.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it("processes the same Message-ID once, however often it is delivered", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    const id = messageId();
    const mail = { from: customer.user.email, subject: "Doublon", text: "Une fois.", messageId: id };
    expect((await send(mail)).response).toMatch(/request-opened/);
    expect((await send(mail)).response).toMatch(/^250 .*duplicate/);
    expect(await requestsOf(customer)).toHaveLength(1);
    const logged = await t.db.selectFrom("inboundMail").select("id").where("messageId", "=", id).execute();
    expect(logged).toHaveLength(1);
  });
});

describe("a mail that opens no request", () => {
  it("gets a Free customer one polite auto-reply pointing to the help center and the plan", async () => {
    const org = await t.organization("free");
    const julie = await t.user("customer", org.id, { name: "Julie" });
    const id = messageId();
    const info = await send({ from: julie.user.email, subject: "Aide SVP", text: "Bonjour", messageId: id });
    expect(info.response).toMatch(/auto-reply-not-entitled/);
    expect(await requestsOf(julie)).toEqual([]);
    const count = await t.db
      .selectFrom("requests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organizationId", "=", org.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
    const [reply, ...more] = await outboxTo(julie.user.email);
    expect(more).toEqual([]);
    expect(reply?.kind).toBe("auto-reply");
    expect(reply?.subject).toBe("Réponse automatique : Aide SVP");
    expect(reply?.textBody).toContain("Bonjour Julie,");
    expect(reply?.textBody).toContain("n’inclut pas le support par e-mail");
    expect(reply?.textBody).toContain(`${testConfig.helpUrl}/`);
    expect(reply?.textBody).toContain(`${testConfig.helpUrl}/articles/quel-support-est-fourni/`);
    expect(reply?.textBody).toContain(`${testConfig.portalUrl}/`);
    expect(JSON.parse(reply?.headers ?? "{}")).toMatchObject({
      "Auto-Submitted": "auto-replied",
      "In-Reply-To": id,
    });
    expect(await logOf(id)).toMatchObject({
      outcome: "auto-reply-not-entitled",
      autoReplied: 1,
      requestId: null,
    });
  });

  it("gets an unknown sender one auto-reply, and no second one within 24 hours", async () => {
    const stranger = `stranger-${Date.now()}@elsewhere.example`;
    const first = await send({
      from: stranger,
      subject: "Bonjour",
      text: "Qui êtes-vous ?",
      messageId: messageId(),
    });
    expect(first.response).toMatch(/auto-reply-unknown-sender/);
    t.clock.advance(23 * 3_600_000);
    const second = await send({
      from: stranger,
      subject: "Relance",
      text: "Alors ?",
      messageId: messageId(),
    });
    expect(second.response).toMatch(/ignored-auto-reply-limit/);
    const replies = await outboxTo(stranger);
    expect(replies.map((r) => r.kind)).toEqual(["auto-reply"]);
    expect(replies[0]?.textBody).toContain("cette adresse n’est pas celle d’un utilisateur");
    expect(replies[0]?.textBody).toContain("this address is not a user of the Cirrus Shield support portal");
    // A day later, a new mail may be answered again (once).
    t.clock.advance(2 * 3_600_000);
    const third = await send({ from: stranger, subject: "Encore", text: "?", messageId: messageId() });
    expect(third.response).toMatch(/auto-reply-unknown-sender/);
    expect(await outboxTo(stranger)).toHaveLength(2);
  });

  it.each([
    ["Auto-Submitted: auto-replied", { "Auto-Submitted": "auto-replied" }],
    ["Auto-Submitted: auto-generated", { "Auto-Submitted": "auto-generated" }],
    ["Precedence: bulk", { Precedence: "bulk" }],
    ["Precedence: list", { Precedence: "list" }],
    ["X-Auto-Response-Suppress", { "X-Auto-Response-Suppress": "All" }],
  ])("never answers an automatic mail (%s)", async (_name, headers) => {
    const id = messageId();
    const robot = `robot-${id.slice(1, -1).split("@")[0]}@elsewhere.example`;
    const info = await send({
      from: robot,
      subject: "Out of office",
      text: "I am away.",
      headers,
      messageId: id,
    });
    expect(info.response).toMatch(/ignored-automated/);
    expect(await outboxTo(robot)).toEqual([]);
    expect((await logOf(id)).outcome).toBe("ignored-automated");
  });

  it("never answers a bounce (null return path) nor MAILER-DAEMON", async () => {
    const bounce = await send({
      from: "MAILER-DAEMON@mx.elsewhere.example",
      envelope: { from: "", to: supportEmail },
      subject: "Undelivered Mail Returned to Sender",
      text: "This is the mail system.",
      messageId: messageId(),
    });
    expect(bounce.response).toMatch(/ignored-automated/);
    expect(await outboxTo("MAILER-DAEMON@mx.elsewhere.example")).toEqual([]);
    expect(await outboxTo("")).toEqual([]);
  });

  it("never answers our own address (an auto-reply coming back cannot loop)", async () => {
    const info = await send({
      from: supportEmail,
      subject: "Réponse automatique : x",
      text: "…",
      messageId: messageId(),
    });
    expect(info.response).toMatch(/ignored-own-address/);
    expect(await outboxTo(supportEmail)).toEqual([]);
  });

  it("ignores staff writing to the support address, without answering", async () => {
    const agent = await t.user("agent");
    const info = await send({ from: agent.user.email, subject: "Test", text: "…", messageId: messageId() });
    expect(info.response).toMatch(/ignored-staff/);
    expect(await outboxTo(agent.user.email)).toEqual([]);
  });
});

describe("SMTP refusals", () => {
  it("refuses a mail over the size limit with 552, and stores nothing", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    const error = await refusal({
      from: customer.user.email,
      subject: "Trop gros",
      text: "x".repeat(maxBytes + 10_000),
      messageId: messageId(),
    });
    expect(error.responseCode).toBe(552);
    expect(await requestsOf(customer)).toEqual([]);
  });

  it("refuses recipients other than the support address with 550", async () => {
    const error = await refusal({
      from: "someone@elsewhere.example",
      to: "sales@cirrus-shield.com",
      subject: "Devis",
      text: "…",
    });
    expect(error.responseCode).toBe(550);
  });

  it("answers 451 (try again later) when the database cannot store the mail, so nothing is lost", async () => {
    const broken = await createTestDatabase();
    const listener = await startInboundServer({
      host: "127.0.0.1",
      port: 0,
      deps: {
        db: broken.db,
        clock: t.clock.now,
        links: testConfig,
        attachments: attachmentStorage(broken.db, { kind: "database", folder: t.attachmentsDir }),
        logger,
      },
    });
    await broken.close();
    try {
      const client = smtpClient(listener.port);
      const error = await client
        .sendMail({ from: "claire@example.fr", to: supportEmail, subject: "x", text: "y" })
        .then(
          () => ({ responseCode: 250 }),
          (e: { responseCode?: number }) => e,
        );
      client.close();
      expect(error.responseCode).toBe(451);
    } finally {
      await listener.close();
    }
  });
});
