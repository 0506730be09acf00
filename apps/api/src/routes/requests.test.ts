// The customer side of requests over a real database: opening against the plan, sharing, paging, search, close and reopen.
import { firstResponseDueAt, replyDueAt } from "@cirrus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Detail {
  id: string;
  reference: string;
  status: string;
  tier: string;
  criticality: string | null;
  firstResponseDueAt: string | null;
  messages: { body: string; visibility: string }[];
  history: { kind: string; from: string | null; to: string | null }[];
  allowedTransitions: string[];
  sla: { phase: string; dueAt: string | null; breached: boolean; firstResponse: string };
}

async function open(token: string, json: Record<string, unknown>) {
  return t.call("POST", "/v1/requests", { token, json });
}

describe("opening a request", () => {
  it("fixes tier and the domain's due time at receipt and answers with the reference", async () => {
    t.clock.set("2026-11-27T17:00:00+01:00"); // Friday 17:00 Paris
    const org = await t.organization("premium");
    const { token } = await t.user("customer", org.id);
    const res = await open(token, {
      subject: "Export bloqué",
      category: "bug",
      body: "Page blanche.",
      criticality: "critical",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Detail;
    expect(body.reference).toMatch(/^CS-\d{6}$/);
    expect(body.status).toBe("new");
    expect(body.tier).toBe("premium");
    expect(body.criticality).toBe("critical");
    const due = firstResponseDueAt("premium", new Date("2026-11-27T17:00:00+01:00"));
    expect(body.firstResponseDueAt).toBe(due?.toISOString());
    expect(body.firstResponseDueAt).toBe(new Date("2026-11-30T17:00:00+01:00").toISOString());
    expect(body.sla).toMatchObject({ phase: "first-response", breached: false, firstResponse: "pending" });
    expect(body.messages).toEqual([expect.objectContaining({ body: "Page blanche.", visibility: "public" })]);
  });

  it("gives consecutive references", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const a = (await (await open(token, { subject: "A", category: "bug", body: "a" })).json()) as Detail;
    const b = (await (await open(token, { subject: "B", category: "bug", body: "b" })).json()) as Detail;
    expect(Number(b.reference.slice(3))).toBe(Number(a.reference.slice(3)) + 1);
  });

  it("ignores criticality below Premium (it is the Premium classification)", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const body = (await (
      await open(token, { subject: "S", category: "bug", body: "b", criticality: "critical" })
    ).json()) as Detail;
    expect(body.criticality).toBeNull();
  });

  it("refuses a Free organization with a 403 naming the option and plans it needs", async () => {
    const org = await t.organization("free");
    const { token } = await t.user("customer", org.id);
    const res = await open(token, { subject: "Aide", category: "usage-question", body: "?" });
    expect(res.status).toBe(403);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("not-entitled");
    expect(problem.detail).toContain("Support utilisateur final");
    expect(problem.detail).toContain("Client Payant");
  });

  it("refuses developer questions to Paying without the add-on, in the caller's language", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id, { locale: "en" });
    const res = await open(token, { subject: "API", category: "developer-question", body: "?" });
    expect(res.status).toBe(403);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toMatch(/Developer support.*add-on/);
    const withAddOn = await t.organization("paying", ["developer-support"]);
    const other = await t.user("customer", withAddOn.id);
    expect(
      (await open(other.token, { subject: "API", category: "developer-question", body: "?" })).status,
    ).toBe(201);
  });

  it("keeps field errors per field and rejects unknown fields", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const res = await open(token, { subject: "   ", category: "nope", body: "x", extra: 1 });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["category", "extra", "subject"]);
  });
});

describe("following a request", () => {
  it("is shared by every user of the organization and invisible to others", async () => {
    const org = await t.organization("paying");
    const alice = await t.user("customer", org.id);
    const bob = await t.user("customer", org.id);
    const stranger = await t.user("customer", (await t.organization("paying")).id);
    const created = (await (
      await open(alice.token, { subject: "Partagée", category: "bug", body: "b" })
    ).json()) as Detail;
    expect((await t.call("GET", `/v1/requests/${created.id}`, { token: bob.token })).status).toBe(200);
    expect((await t.call("GET", `/v1/requests/${created.reference}`, { token: bob.token })).status).toBe(200);
    expect((await t.call("GET", `/v1/requests/${created.id}`, { token: stranger.token })).status).toBe(404);
    expect(
      (
        await t.call("POST", `/v1/requests/${created.id}/messages`, {
          token: stranger.token,
          json: { body: "x" },
        })
      ).status,
    ).toBe(404);
    const list = (await (await t.call("GET", "/v1/requests", { token: bob.token })).json()) as {
      items: Detail[];
    };
    expect(list.items.map((r) => r.id)).toContain(created.id);
    const strangerList = (await (await t.call("GET", "/v1/requests", { token: stranger.token })).json()) as {
      items: Detail[];
    };
    expect(strangerList.items.map((r) => r.id)).not.toContain(created.id);
  });

  it("pages with a cursor, filters by status and category, and searches subjects and messages", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(60_000);
      const r = (await (
        await open(token, {
          subject: `Sujet ${i}`,
          category: i % 2 ? "bug" : "usage-question",
          body: i === 3 ? "facture 50% introuvable" : "texte",
        })
      ).json()) as Detail;
      ids.push(r.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : "?limit=3";
      const page = (await (await t.call("GET", `/v1/requests${query}`, { token })).json()) as {
        items: Detail[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const bugs = (await (await t.call("GET", "/v1/requests?category=bug", { token })).json()) as {
      items: Detail[];
    };
    expect(bugs.items).toHaveLength(3);
    const found = (await (
      await t.call("GET", `/v1/requests?q=${encodeURIComponent("50%")}`, { token })
    ).json()) as { items: Detail[] };
    expect(found.items.map((r) => r.id)).toEqual([ids[3]]);
    const bySubject = (await (await t.call("GET", "/v1/requests?q=sujet%205", { token })).json()) as {
      items: Detail[];
    };
    expect(bySubject.items.map((r) => r.id)).toEqual([ids[5]]);
    const closedOnly = (await (await t.call("GET", "/v1/requests?status=closed", { token })).json()) as {
      items: Detail[];
    };
    expect(closedOnly.items).toHaveLength(0);
    expect((await t.call("GET", "/v1/requests?status=bogus", { token })).status).toBe(422);
    expect((await t.call("GET", "/v1/requests?cursor=garbage", { token })).status).toBe(422);
  });

  it("close and reopen within 30 days; after that the request is final", async () => {
    t.clock.set("2026-12-01T10:00:00+01:00");
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const r = (await (await open(token, { subject: "Fermer", category: "bug", body: "b" })).json()) as Detail;
    const closed = (await (await t.call("POST", `/v1/requests/${r.id}/close`, { token })).json()) as Detail;
    expect(closed.status).toBe("closed");
    expect(closed.allowedTransitions).toEqual(["open"]);
    expect(
      (await t.call("POST", `/v1/requests/${r.id}/messages`, { token, json: { body: "encore" } })).status,
    ).toBe(409);
    const reopened = (await (
      await t.call("POST", `/v1/requests/${r.id}/reopen`, { token })
    ).json()) as Detail;
    expect(reopened.status).toBe("open");
    await t.call("POST", `/v1/requests/${r.id}/close`, { token });
    t.clock.advance(31 * 86_400_000);
    const colleague = await t.user("customer", org.id); // the first session timed out meanwhile
    const late = await t.call("POST", `/v1/requests/${r.id}/reopen`, { token: colleague.token });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe("reopen-window-expired");
    const linked = await open(colleague.token, {
      subject: "Suite",
      category: "bug",
      body: "b",
      linkedRequestId: r.id,
    });
    expect(linked.status).toBe(201);
    expect(((await linked.json()) as { linkedRequest: { id: string } }).linkedRequest.id).toBe(r.id);
  });

  it("a customer cannot reopen a request that is merely open, nor close it twice", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const r = (await (await open(token, { subject: "X", category: "bug", body: "b" })).json()) as Detail;
    const res = await t.call("POST", `/v1/requests/${r.id}/reopen`, { token });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe("illegal-transition");
    await t.call("POST", `/v1/requests/${r.id}/close`, { token });
    expect((await t.call("POST", `/v1/requests/${r.id}/close`, { token })).status).toBe(409);
  });

  it("a customer reply after the first response starts the reply clock from the domain", async () => {
    t.clock.set("2026-12-02T10:00:00+01:00");
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const agent = await t.user("agent");
    const r = (await (
      await open(token, { subject: "Réponse", category: "bug", body: "b" })
    ).json()) as Detail;
    // The agent's public reply is recorded directly (the agent routes are tested in agent.test.ts).
    t.clock.advance(3_600_000);
    await t.db
      .insertInto("messages")
      .values({
        id: `m-${r.id}`,
        requestId: r.id,
        authorId: agent.user.id,
        visibility: "public",
        body: "Bonjour",
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    await t.db
      .updateTable("requests")
      // Answered: no clock runs until the customer writes again.
      .set({ status: "open", firstRespondedAt: t.clock.now().toISOString(), runningDueAt: null })
      .where("id", "=", r.id)
      .execute();
    t.clock.advance(3_600_000);
    const replied = (await (
      await t.call("POST", `/v1/requests/${r.id}/messages`, { token, json: { body: "Merci, mais…" } })
    ).json()) as Detail;
    expect(replied.sla.phase).toBe("reply");
    expect(replied.sla.dueAt).toBe(replyDueAt("paying", t.clock.now())?.toISOString());
    expect(replied.sla.firstResponse).toBe("met");
  });
});

describe("search folds case beyond ASCII on both engines", () => {
  it("finds « Équipe » when searching « équipe » and the reverse", async () => {
    const org = await t.organization("paying");
    const { token } = await t.user("customer", org.id);
    const r = (await (
      await open(token, { subject: "Droits de l’Équipe commerciale", category: "bug", body: "ÉTÉ" })
    ).json()) as Detail;
    for (const q of ["équipe", "ÉQUIPE", "été"]) {
      const found = (await (
        await t.call("GET", `/v1/requests?q=${encodeURIComponent(q)}`, { token })
      ).json()) as { items: Detail[] };
      expect(
        found.items.map((x) => x.id),
        q,
      ).toEqual([r.id]);
    }
  });
});
