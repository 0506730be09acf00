// The development mailbox: staff read the outbox newest first, with text and HTML; never in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Mailbox {
  delivery: string;
  total: number;
  limit: number;
  offset: number;
  items: Array<{
    kind: string;
    to: string;
    subject: string;
    text: string;
    html: string | null;
    reference: string | null;
    headers: Record<string, string>;
    messageId: string | null;
    sentAt: string | null;
    attempts: number;
  }>;
}

describe("GET /v1/agent/mailbox", () => {
  it("lists the latest mails, newest first, as they were queued", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    const agent = await t.user("agent");
    const opened = await t.call("POST", "/v1/requests", {
      token: customer.token,
      json: { subject: "Première", category: "usage-question", body: "?" },
    });
    const request = (await opened.json()) as { id: string; reference: string };
    t.clock.advance(1_000);
    await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
      token: agent.token,
      json: { body: "Réponse.", visibility: "public" },
    });

    const res = await t.call("GET", "/v1/agent/mailbox?limit=1", { token: agent.token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Mailbox;
    expect(page).toMatchObject({ delivery: "outbox-only", total: 2, limit: 1, offset: 0 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      kind: "agent-reply",
      to: customer.user.email,
      subject: `[${request.reference}] Première`,
      reference: request.reference,
      sentAt: null,
      attempts: 0,
    });
    expect(page.items[0]?.text).toContain("Réponse.");
    expect(page.items[0]?.html).toContain("<blockquote");
    expect(page.items[0]?.messageId).toMatch(/^<outbox-/);
    expect(page.items[0]?.headers["Reply-To"]).toBe("support@cirrus-shield.com");

    const next = (await (
      await t.call("GET", "/v1/agent/mailbox?limit=1&offset=1", { token: agent.token })
    ).json()) as Mailbox;
    expect(next.items.map((m) => m.kind)).toEqual(["request-received"]);
  });

  it("is not found in production", async () => {
    const prod = await createTestApp({ config: { production: true, smtpDelivery: true } });
    try {
      const agent = await prod.user("agent");
      const res = await prod.call("GET", "/v1/agent/mailbox", { token: agent.token });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    } finally {
      await prod.close();
    }
  });

  it("rejects bad paging with 422", async () => {
    const agent = await t.user("agent");
    const res = await t.call("GET", "/v1/agent/mailbox?limit=0", { token: agent.token });
    expect(res.status).toBe(422);
  });
});
