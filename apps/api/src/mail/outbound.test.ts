/**
 * Outbound notifications end to end: a change through the API queues its mail in the outbox, the
 * sender delivers it over real SMTP on loopback to a test relay, and the relay sees the subject,
 * language, threading headers, text and HTML a customer's mail client would.
 */
import { firstResponseDueAt, supportEmail } from "@cirrus/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { type Actor, createTestApp, type TestApp, testConfig } from "../test-support/app.ts";
import { type CapturedMail, startTestRelay, type TestRelay } from "../test-support/smtp-relay.ts";
import { createSmtpTransport, drainOutbox } from "./sender.ts";

let t: TestApp;
let relay: TestRelay;
beforeAll(async () => {
  t = await createTestApp();
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
  await t.close();
});
beforeEach(() => {
  relay.mails.length = 0;
});

const from = "Cirrus Shield Support <support@cirrus-shield.com>";

/** Delivers everything due through the relay; returns what it received. */
async function deliver(): Promise<CapturedMail[]> {
  const before = relay.mails.length;
  const transport = createSmtpTransport(relay.url);
  await drainOutbox({
    db: t.db,
    engine: t.engine,
    clock: t.clock.now,
    logger: createLogger("silent"),
    transport,
    from,
  });
  transport.close();
  return relay.mails.slice(before);
}

function header(mail: CapturedMail, name: string): string | undefined {
  const value = mail.parsed.headers.get(name);
  return value === undefined ? undefined : String(value);
}

async function openThroughApi(customer: Actor, subject: string, body = "Comment faire ?") {
  const res = await t.call("POST", "/v1/requests", {
    token: customer.token,
    json: { subject, category: "usage-question", body },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; reference: string; firstResponseDueAt: string };
}

describe("request received", () => {
  it("is mailed to the opener in French, with the reference in the subject, the due time and threading headers", async () => {
    const org = await t.organization("premium");
    const claire = await t.user("customer", org.id, { name: "Claire Lefèvre", locale: "fr" });
    const request = await openThroughApi(claire, "Export des factures");

    const [mail, ...others] = await deliver();
    expect(others).toEqual([]);
    if (!mail) throw new Error("no mail delivered");
    expect(mail.envelopeTo).toEqual([claire.user.email]);
    expect(mail.parsed.subject).toBe(`[${request.reference}] Export des factures`);
    expect(mail.parsed.text).toContain("Bonjour Claire Lefèvre,");
    expect(mail.parsed.text).toContain("Nous avons bien reçu votre demande « Export des factures ».");
    // Thursday 26 Nov 2026 10:00 Paris + 1 business day (premium) = Friday 27 Nov 10:00.
    const due = firstResponseDueAt("premium", t.clock.now());
    expect(request.firstResponseDueAt).toBe(due?.toISOString());
    expect(mail.parsed.text).toContain("vendredi 27 novembre 2026 à 10:00 (heure de Paris)");
    expect(mail.parsed.text).toContain(`${testConfig.portalUrl}/requests/${request.reference}`);
    expect(mail.parsed.html).toContain(`<a href="${testConfig.portalUrl}/requests/${request.reference}">`);
    expect(mail.parsed.headers.get("content-language")).toBe("fr");

    const row = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("requestId", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe("request-received");
    expect(row.sentAt).toBe(t.clock.now().toISOString());
    expect(row.attempts).toBe(1);
    expect(mail.parsed.messageId).toBe(row.messageId);
    expect(row.messageId).toBe(`<outbox-${row.id}@support.cirrus-shield.com>`);
    const root = `<request-${request.id}@support.cirrus-shield.com>`;
    expect(mail.parsed.inReplyTo).toBe(root);
    expect(mail.parsed.references).toBe(root);
    expect(mail.parsed.replyTo?.value[0]?.address).toBe(supportEmail);
    expect(mail.parsed.from?.value[0]?.address).toBe(supportEmail);
    expect(header(mail, "auto-submitted")).toBe("auto-generated");
  });

  it("speaks English to an English-speaking customer", async () => {
    const org = await t.organization("paying");
    const thomas = await t.user("customer", org.id, { name: "Thomas", locale: "en" });
    const request = await openThroughApi(thomas, "CSV export");
    const [mail] = await deliver();
    expect(mail?.parsed.subject).toBe(`[${request.reference}] CSV export`);
    expect(mail?.parsed.text).toContain("Hello Thomas,");
    expect(mail?.parsed.text).toContain("We have received your request “CSV export”.");
    // Paying: 2 business days → Monday 30 Nov 2026 10:00 Paris.
    // ICU writes "Monday, 30 November" or "Monday 30 November" depending on its version.
    expect(mail?.parsed.text).toMatch(/First response by: Monday,? 30 November 2026 at 10:00 \(Paris time\)/);
    expect(mail?.parsed.headers.get("content-language")).toBe("en");
  });

  it("escapes what the customer typed in the HTML part", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    await openThroughApi(customer, `<img src=x onerror="alert(1)"> & co`);
    const [mail] = await deliver();
    expect(mail?.parsed.subject).toContain(`<img src=x onerror="alert(1)"> & co`);
    expect(mail?.parsed.html).not.toContain("<img");
    expect(mail?.parsed.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
  });
});

describe("agent reply", () => {
  it("mails the text and the link to the opener and to colleagues who wrote, not to silent colleagues", async () => {
    const org = await t.organization("premium");
    const opener = await t.user("customer", org.id, { name: "Opener" });
    const colleague = await t.user("customer", org.id, { name: "Colleague", locale: "en" });
    const silent = await t.user("customer", org.id, { name: "Silent" });
    const agent = await t.user("agent", null, { name: "Léa Moulin" });
    const request = await openThroughApi(opener, "Accès API");
    await t.call("POST", `/v1/requests/${request.id}/messages`, {
      token: colleague.token,
      json: { body: "Même problème chez moi." },
    });
    await deliver();

    const note = await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
      token: agent.token,
      json: { body: "Note interne : voir le ticket 42.", visibility: "internal" },
    });
    expect(note.status).toBe(201);
    expect(await deliver()).toEqual([]);

    const res = await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
      token: agent.token,
      json: { body: "Bonjour,\nrégénérez la clé dans Paramètres > API.", visibility: "public" },
    });
    expect(res.status).toBe(201);
    const mails = await deliver();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [opener.user.email, colleague.user.email].sort(),
    );
    expect(mails.map((m) => m.envelopeTo[0])).not.toContain(silent.user.email);
    const fr = mails.find((m) => m.envelopeTo[0] === opener.user.email);
    const en = mails.find((m) => m.envelopeTo[0] === colleague.user.email);
    expect(fr?.parsed.subject).toBe(`[${request.reference}] Accès API`);
    expect(fr?.parsed.text).toContain(
      `Léa Moulin (support Cirrus Shield) a répondu à votre demande ${request.reference} :`,
    );
    expect(fr?.parsed.text).toContain("| régénérez la clé dans Paramètres > API.");
    expect(fr?.parsed.text).toContain(`${testConfig.portalUrl}/requests/${request.reference}`);
    expect(fr?.parsed.html).toContain("régénérez la clé dans Paramètres &gt; API.");
    expect(en?.parsed.text).toContain("Léa Moulin (Cirrus Shield Support) replied to your request");
    expect(fr?.parsed.references).toBe(`<request-${request.id}@support.cirrus-shield.com>`);
    // A person wrote it: no Auto-Submitted, so out-of-office replies work as people expect.
    expect(fr ? header(fr, "auto-submitted") : "missing").toBeUndefined();
  });

  it("says how to reopen when the reply also resolves the request", async () => {
    const org = await t.organization("paying");
    const customer = await t.user("customer", org.id);
    const agent = await t.user("agent");
    const request = await openThroughApi(customer, "Mot de passe");
    await deliver();
    await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
      token: agent.token,
      json: { body: "C’est corrigé.", visibility: "public", status: "resolved" },
    });
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.parsed.text).toContain("Nous considérons cette demande comme résolue.");
    expect(mails[0]?.parsed.text).toContain("répondez simplement à cet e-mail : la demande sera rouverte");
  });
});

describe("request resolved", () => {
  it("explains how to reopen: reply to the mail, or the portal within the reopen window", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id, { locale: "en", name: "Ana" });
    const agent = await t.user("agent");
    const request = await openThroughApi(customer, "Report totals");
    await deliver();
    const res = await t.call("POST", `/v1/agent/requests/${request.id}/status`, {
      token: agent.token,
      json: { status: "resolved" },
    });
    expect(res.status).toBe(200);
    const [mail, ...others] = await deliver();
    expect(others).toEqual([]);
    expect(mail?.parsed.subject).toBe(`[${request.reference}] Report totals`);
    expect(mail?.parsed.text).toContain(`Your request ${request.reference} “Report totals” is resolved.`);
    expect(mail?.parsed.text).toContain("simply reply to this e-mail: the request will be reopened");
    // 30 days after Thursday 26 Nov 2026; closes by itself after 7 days.
    expect(mail?.parsed.text).toContain("until 26 December 2026");
    expect(mail?.parsed.text).toContain("on 3 December 2026");
    expect(mail ? header(mail, "auto-submitted") : "").toBe("auto-generated");
  });
});

describe("quote proposed", () => {
  it("gives amount excl. VAT, effort, validity, terms and the link to decide", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id, { name: "Claire" });
    const agent = await t.user("agent");
    const created = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Connecteur TMS", category: "custom-development", body: "Synchroniser chaque nuit." },
    });
    const request = (await created.json()) as { id: string; reference: string };
    await deliver();
    const res = await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, {
      token: agent.token,
      json: {
        amountCents: 480_000,
        effortDays: 6.5,
        validUntil: "2026-12-31",
        terms: "Maintenance <non> incluse.",
      },
    });
    expect(res.status).toBe(201);
    const quote = (await res.json()) as { id: string };
    const [mail] = await deliver();
    expect(mail?.parsed.subject).toBe(`[${request.reference}] Connecteur TMS`);
    const text = (mail?.parsed.text ?? "").replaceAll("\u202f", " ").replaceAll("\u00a0", " ");
    expect(text).toContain("Montant : 4 800,00 € HT");
    expect(text).toContain("Effort estimé : 6,5 jours");
    expect(text).toContain("Valable jusqu’au : 31 décembre 2026");
    expect(text).toContain("| Maintenance <non> incluse.");
    expect(text).toContain(`${testConfig.portalUrl}/requests/${request.reference}/quotes/${quote.id}`);
    expect(mail?.parsed.html).toContain("Maintenance &lt;non&gt; incluse.");
  });
});

describe("account mails", () => {
  it("still delivers invitations and password resets, now with an HTML part", async () => {
    const admin = await t.user("admin");
    const org = await t.organization("paying");
    const email = `invitee-${Date.now()}@example.test`;
    const invited = await t.call("POST", "/v1/admin/invitations", {
      token: admin.token,
      json: { email, name: "Invitée", role: "customer", organizationId: org.id, locale: "fr" },
    });
    expect(invited.status).toBe(201);
    const customer = await t.user("customer", org.id, { locale: "en" });
    const reset = await t.call("POST", "/v1/auth/password-reset", { json: { email: customer.user.email } });
    expect(reset.status).toBe(202);
    const mails = await deliver();
    const invitation = mails.find((m) => m.envelopeTo[0] === email);
    const resetMail = mails.find((m) => m.envelopeTo[0] === customer.user.email);
    expect(invitation?.parsed.subject).toBe("Votre invitation au support Cirrus Shield");
    expect(invitation?.parsed.text).toContain(`${testConfig.portalUrl}/invitation?token=`);
    expect(invitation?.parsed.html).toContain(`href="${testConfig.portalUrl}/invitation?token=`);
    expect(resetMail?.parsed.subject).toBe("Reset your Cirrus Shield Support password");
    expect(resetMail?.parsed.messageId).toMatch(/^<outbox-[A-Za-z0-9-]+@support\.cirrus-shield\.com>$/);
  });
});
