// The demo seed fills an empty database with every plan and every status, and its demo logins work.
import { requestStatusIds } from "@cirrus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";
import {
  demoAccounts,
  demoCannedReplies,
  demoMailNote,
  demoPassword,
  hasDemoData,
  isEmpty,
  seedDemo,
} from "./seed.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("demo seed", () => {
  it("fills an empty database with every plan, every status and working logins", async () => {
    expect(await isEmpty(t.db)).toBe(true);
    await seedDemo(t.db, t.clock.now());
    expect(await hasDemoData(t.db)).toBe(true);
    const orgs = await t.db.selectFrom("organizations").select(["tier", "addOns"]).execute();
    expect(orgs.map((o) => `${o.tier}:${o.addOns}`).sort()).toEqual([
      "free:[]",
      'paying:["developer-support"]',
      "paying:[]",
      "premium:[]",
    ]);
    const statuses = new Set(
      (await t.db.selectFrom("requests").select("status").execute()).map((r) => r.status),
    );
    expect([...statuses].sort()).toEqual([...requestStatusIds].sort());
    expect(await t.db.selectFrom("quotes").select("id").execute()).toHaveLength(1);
    for (const account of demoAccounts) {
      const res = await t.call("POST", "/v1/auth/login", {
        json: { email: account.email, password: demoPassword },
        headers: { "x-forwarded-for": `192.0.2.${demoAccounts.indexOf(account) + 100}` },
      });
      expect(res.status, account.email).toBe(200);
    }
  });

  it("offers canned replies in French and English to agents", async () => {
    const agent = demoAccounts.find((a) => a.role === "agent");
    const login = await t.call("POST", "/v1/auth/login", {
      json: { email: agent?.email, password: demoPassword },
      headers: { "x-forwarded-for": "192.0.2.200" },
    });
    const { token } = (await login.json()) as { token: string };
    const res = await t.call("GET", "/v1/agent/canned-replies", { token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { title: string; locale: string }[] };
    expect(items).toHaveLength(demoCannedReplies.length);
    expect(new Set(items.map((i) => i.locale))).toEqual(new Set(["fr", "en"]));
  });

  it("shows the demo's notification mails in the outbox but never delivers them", async () => {
    const mails = await t.db.selectFrom("outbox").selectAll().execute();
    expect(new Set(mails.map((m) => m.kind))).toEqual(
      // The demo resolves with a reply, so its "resolved" notice is part of the agent-reply mail.
      new Set(["request-received", "agent-reply", "quote-proposed"]),
    );
    for (const mail of mails) {
      expect(mail).toMatchObject({ sentAt: mail.createdAt, attempts: 0, lastError: demoMailNote });
    }
  });
});
