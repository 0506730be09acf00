// GET /v1/agent/dashboard over the demo data, with every expected figure worked out by hand from the seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed.ts";
import { type Actor, createTestApp, type TestApp } from "../test-support/app.ts";

/*
 * Now: Thursday 12 Nov 2026 10:00 Paris (09:00 UTC, winter time); Wed 11 Nov is a holiday. The demo
 * seed dates its requests back from now (business hours 09:00–18:00 Paris):
 *   #1 premium critical, now − 2 h (Thu 08:00), new, unanswered; due Thu 18:00 → pending
 *   #2 paying, now − 3 d (Mon 9 Nov 10:00), new, unanswered; due Mon 8 h + Tue 9 h + (Wed holiday)
 *      + Thu 1 h = Thu 10:00 = exactly now → pending (breached only after the due time)
 *   #3 paying (dev add-on), now − 2 d (Tue 10:00), answered Tue 13:00 → 180 min, met, open
 *   #4 premium major, now − 4 d (Sun 8 Nov 10:00), answered Sun 12:00 → 0 business min, met, waiting
 *   #5 paying, now − 6 d (Fri 6 Nov 10:00), answered Sat → Fri 10:00–18:00 = 480 min, met, resolved
 *   #6 paying, now − 20 d (Fri 23 Oct 11:00 summer time), answered Sat → 420 min, met, closed
 *   #7 premium custom development, now − 3 d (Mon 10:00), answered Mon 12:00 → 120 min, met, open
 */
const now = new Date("2026-11-12T09:00:00.000Z");

let t: TestApp;
let agent: Actor;
beforeAll(async () => {
  t = await createTestApp({ now });
  await seedDemo(t.db, now);
  agent = await t.user("agent");
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: the response body is checked field by field below
async function dashboard(query = "", token = agent.token): Promise<{ status: number; body: any }> {
  const res = await t.call("GET", `/v1/agent/dashboard${query}`, { token });
  return { status: res.status, body: await res.json() };
}

describe("GET /v1/agent/dashboard", () => {
  it("answers the figures of the last 30 Paris days by default", async () => {
    const { status, body } = await dashboard();
    expect(status).toBe(200);
    expect(body.generatedAt).toBe("2026-11-12T09:00:00.000Z");
    expect(body.days).toBe(30);
    expect(body.receivedPerDay).toHaveLength(30);
    expect(body.receivedPerDay[0]).toEqual({ date: "2026-10-14", count: 0 });
    expect(body.receivedPerDay[29]).toEqual({ date: "2026-11-12", count: 1 }); // #1
    expect(body.receivedPerDay.filter((d: { count: number }) => d.count > 0)).toEqual([
      { date: "2026-10-23", count: 1 }, // #6
      { date: "2026-11-06", count: 1 }, // #5
      { date: "2026-11-08", count: 1 }, // #4
      { date: "2026-11-09", count: 2 }, // #2, #7
      { date: "2026-11-10", count: 1 }, // #3
      { date: "2026-11-12", count: 1 }, // #1
    ]);
    // Weeks: 19 Oct: 23 Oct → 1; 2 Nov: 6 + 8 Nov → 2; 9 Nov: 2 + 1 + 1 → 4. Total 7 = the seed's 7.
    expect(body.receivedPerWeek).toEqual([
      { weekStart: "2026-10-12", count: 0 },
      { weekStart: "2026-10-19", count: 1 },
      { weekStart: "2026-10-26", count: 0 },
      { weekStart: "2026-11-02", count: 2 },
      { weekStart: "2026-11-09", count: 4 },
    ]);
    expect(body.firstResponseSla).toEqual([
      // paying: #3, #5, #6 met; #2 due exactly now → pending. 3 / (3 + 0) = 100 %.
      { tier: "paying", total: 4, met: 3, breached: 0, pending: 1, metPercent: 100 },
      // premium: #4, #7 met; #1 pending. 2 / 2 = 100 %.
      { tier: "premium", total: 3, met: 2, breached: 0, pending: 1, metPercent: 100 },
    ]);
    // paying: 180, 420, 480 → 420; premium: 0, 120 → 60; all: 0, 120, 180, 420, 480 → 180.
    expect(body.medianFirstResponseBusinessMinutes).toEqual({ paying: 420, premium: 60, all: 180 });
    // Active: #1 (2 h), #3 (2 d), #2 and #7 (exactly 3 d), #4 (4 d). Criticality: #1 critical,
    // #4 major, #2 #3 #7 unclassified.
    expect(body.backlog).toEqual({
      byAge: [
        { bucket: "lt1d", count: 1 },
        { bucket: "1to3d", count: 1 },
        { bucket: "3to7d", count: 3 },
        { bucket: "gt7d", count: 0 },
      ],
      byCriticality: [
        { criticality: "critical", count: 1 },
        { criticality: "major", count: 1 },
        { criticality: "minor", count: 0 },
        { criticality: "unclassified", count: 3 },
      ],
      total: 5,
    });
  });

  it("counts a request breached one millisecond after its due time", async () => {
    t.clock.set(new Date(now.getTime() + 1));
    try {
      const { body } = await dashboard("?days=30");
      // #2 is now unanswered past due: paying met 3, breached 1 → 3 / 4 = 75 %.
      expect(body.firstResponseSla[0]).toEqual({
        tier: "paying",
        total: 4,
        met: 3,
        breached: 1,
        pending: 0,
        metPercent: 75,
      });
    } finally {
      t.clock.set(now);
    }
  });

  it("covers 90 days on request: 15 Aug … 12 Nov, 14 weeks from Monday 10 Aug", async () => {
    const { status, body } = await dashboard("?days=90");
    expect(status).toBe(200);
    expect(body.days).toBe(90);
    expect(body.receivedPerDay).toHaveLength(90);
    expect(body.receivedPerDay[0].date).toBe("2026-08-15");
    expect(body.receivedPerWeek).toHaveLength(14);
    expect(body.receivedPerWeek[0].weekStart).toBe("2026-08-10");
    expect(body.receivedPerWeek.reduce((sum: number, w: { count: number }) => sum + w.count, 0)).toBe(7);
  });

  it.each(["?days=7", "?days=60", "?days=abc", "?days=", "?days=30.0"])(
    "refuses %s with 422",
    async (query) => {
      const { status, body } = await dashboard(query);
      expect(status).toBe(422);
      expect(body.code).toBe("validation-failed");
      expect(body.errors[0].field).toBe("days");
    },
  );

  it("is for staff only", async () => {
    const org = await t.organization("premium");
    const customer = await t.user("customer", org.id);
    expect((await dashboard("", customer.token)).status).toBe(403);
    expect((await t.call("GET", "/v1/agent/dashboard")).status).toBe(401);
    const admin = await t.user("admin");
    expect((await dashboard("", admin.token)).status).toBe(200);
  });

  it("leaves out requests received before the window", async () => {
    // 25 days later (7 Dec), the 30-day window starts 8 Nov: #6 (23 Oct) and #5 (6 Nov) drop out.
    t.clock.set(new Date("2026-12-07T09:00:00.000Z"));
    try {
      // A new session: 25 days without use ended the first one (inactivity timeout).
      const { body } = await dashboard("", (await t.user("agent")).token);
      expect(body.receivedPerDay[0].date).toBe("2026-11-08");
      expect(body.receivedPerDay.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(5);
      expect(body.firstResponseSla[0]).toMatchObject({ tier: "paying", total: 2 }); // #2, #3
    } finally {
      t.clock.set(now);
    }
  });
});
