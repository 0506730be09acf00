// The staff side of requests over a real database: queue order and filters, SLA with an injected
// clock, internal notes, criticality, assignment, status, quotes, validation and who may call what.
import { compareQueue, firstResponseDueAt, localDateOf, replyDueAt } from "@cirrus/domain";
import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organization } from "../db/schema.ts";
import { runningDueAt } from "../queries/requests.ts";
import { type Actor, createTestApp } from "../test-support/app.ts";
import type { AgentRequestDetail, Queue } from "./agent-schemas.ts";
import type { QuoteSchema, RequestDetailSchema } from "./request-schemas.ts";

type CustomerDetail = z.infer<typeof RequestDetailSchema>;
type QuoteBody = z.infer<typeof QuoteSchema>;
interface ProblemBody {
  code: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
}

/** A wall-clock time in Paris during winter (UTC+1), the season of every date used here. */
const paris = (local: string) => new Date(`${local}+01:00`);

/** Reads a response, failing with its body when the status is not the expected one. */
async function read<T>(response: Response, status: number): Promise<T> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return JSON.parse(body) as T;
}

/** A fresh app and database with a Premium and a Paying organization, their customers and staff. */
async function createWorld() {
  const t = await createTestApp({ now: paris("2026-11-30T10:00:00") });
  const premium = await t.organization("premium", [], "Premium SA");
  const paying = await t.organization("paying", [], "Paying SARL");
  const customer = await t.user("customer", premium.id, { name: "Claire Premium" });
  const payingCustomer = await t.user("customer", paying.id, { name: "Paul Paying" });
  const agent = await t.user("agent", null, { name: "Agnès Agent" });
  const admin = await t.user("admin", null, { name: "Adam Admin" });

  async function open(
    by: Actor,
    input: { subject?: string; category?: string; criticality?: string; body?: string } = {},
  ): Promise<CustomerDetail> {
    const json = {
      subject: "Une question",
      category: "usage-question",
      body: "Bonjour, pouvez-vous m’aider ?",
      ...input,
    };
    return read<CustomerDetail>(await t.call("POST", "/v1/requests", { token: by.token, json }), 201);
  }

  async function agentPost<T = AgentRequestDetail>(
    by: Actor,
    path: string,
    json: unknown,
    status = 200,
  ): Promise<T> {
    return read<T>(await t.call("POST", `/v1/agent/requests/${path}`, { token: by.token, json }), status);
  }

  async function detail(by: Actor, id: string): Promise<AgentRequestDetail> {
    return read<AgentRequestDetail>(
      await t.call("GET", `/v1/agent/requests/${id}`, { token: by.token }),
      200,
    );
  }

  async function queue(by: Actor, query = ""): Promise<Queue> {
    return read<Queue>(await t.call("GET", `/v1/agent/queue${query}`, { token: by.token }), 200);
  }

  async function problem(response: Response, status: number, code: string): Promise<ProblemBody> {
    const body = await read<ProblemBody>(response, status);
    expect(body.code).toBe(code);
    return body;
  }

  const validQuote = (overrides: Record<string, unknown> = {}) => ({
    amountCents: 480_000,
    effortDays: 6,
    validUntil: localDateOf(new Date(t.clock.now().getTime() + 30 * 86_400_000)),
    terms: "Développement, tests et mise en production.",
    ...overrides,
  });

  return {
    t,
    premium,
    paying,
    customer,
    payingCustomer,
    agent,
    admin,
    open,
    agentPost,
    detail,
    queue,
    problem,
    validQuote,
  };
}

type World = Awaited<ReturnType<typeof createWorld>>;

function useWorld(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world?.t.close());
  return () => {
    if (!world) throw new Error("world not ready");
    return world;
  };
}

describe("GET /v1/agent/queue", () => {
  const w = useWorld();
  // Request ids by letter; see the timeline in beforeAll.
  const r: Record<"P1" | "W" | "R" | "P2" | "X" | "M" | "Y" | "C", string> = {
    P1: "",
    W: "",
    R: "",
    P2: "",
    X: "",
    M: "",
    Y: "",
    C: "",
  };
  let referenceOfM = "";

  beforeAll(async () => {
    const { t, open, agentPost, customer, payingCustomer, agent, admin } = w();
    // Thursday: a Paying request, due Monday 30 Nov 10:00 (2 business days), never answered.
    t.clock.set(paris("2026-11-26T10:00:00"));
    r.P1 = (await open(payingCustomer, { subject: "Paying ancien" })).id;
    // Monday 30 Nov.
    t.clock.set(paris("2026-11-30T09:00:00"));
    r.W = (await open(customer, { subject: "Premium en attente", criticality: "major" })).id;
    t.clock.set(paris("2026-11-30T09:05:00"));
    await agentPost(agent, `${r.W}/status`, { status: "waiting-on-customer" });
    t.clock.set(paris("2026-11-30T09:15:00"));
    r.R = (await open(customer, { subject: "Premium résolu", criticality: "critical" })).id;
    await agentPost(agent, `${r.R}/status`, { status: "resolved", reason: "Corrigé" });
    t.clock.set(paris("2026-11-30T09:30:00"));
    r.P2 = (await open(payingCustomer, { subject: "Paying reclassé" })).id;
    await agentPost(agent, `${r.P2}/criticality`, { criticality: "critical", reason: "Facturation bloquée" });
    t.clock.set(paris("2026-11-30T10:00:00"));
    r.X = (await open(customer, { subject: "Premium répondu puis relancé", criticality: "major" })).id;
    t.clock.set(paris("2026-11-30T10:30:00"));
    const m = await open(customer, { subject: "Remise de 50% non appliquée", criticality: "minor" });
    r.M = m.id;
    referenceOfM = m.reference;
    t.clock.set(paris("2026-11-30T11:00:00"));
    await agentPost(agent, `${r.X}/messages`, { body: "Nous regardons.", visibility: "public" }, 201);
    t.clock.set(paris("2026-11-30T12:00:00"));
    r.Y = (await open(customer, { subject: "Export CSV incomplet", criticality: "major" })).id;
    t.clock.set(paris("2026-11-30T13:00:00"));
    // The customer writes again: X's running due time becomes the reply due time, Tuesday 13:00.
    await read(
      await t.call("POST", `/v1/requests/${r.X}/messages`, {
        token: customer.token,
        json: { body: "Des nouvelles ?" },
      }),
      201,
    );
    t.clock.set(paris("2026-11-30T13:30:00"));
    r.C = (
      await open(customer, { subject: "Production bloquée", category: "bug", criticality: "critical" })
    ).id;
    t.clock.set(paris("2026-11-30T14:00:00"));
    await agentPost(agent, `${r.X}/assign`, { assigneeId: agent.user.id });
    await agentPost(agent, `${r.M}/assign`, { assigneeId: admin.user.id });
  });

  const ids = (queue: Queue) => queue.items.map((item) => item.id);
  const names = (list: string[]) => list.map((id) => Object.entries(r).find(([, v]) => v === id)?.[0] ?? id);

  it("puts premium before paying, then criticality, then the running due time, then age", async () => {
    const { queue, agent } = w();
    const page = await queue(agent);
    expect(names(ids(page))).toEqual(["C", "Y", "X", "W", "M", "P2", "P1"]);
    // The SQL order is the domain's: sorting the page with `compareQueue` changes nothing.
    const entry = (item: (typeof page.items)[number]) => ({
      tier: item.tier,
      criticality: item.criticality,
      dueAt: item.sla.dueAt === null ? null : new Date(item.sla.dueAt),
      receivedAt: new Date(item.receivedAt),
    });
    expect([...page.items].sort((a, b) => compareQueue(entry(a), entry(b))).map((item) => item.id)).toEqual(
      ids(page),
    );
    const byId = new Map(page.items.map((item) => [item.id, item]));
    // Y was received after X and X's first-response due time is earlier, but X has been answered and
    // its customer's new message is due later (Tuesday 13:00) than Y's first response (Tuesday 12:00).
    expect(byId.get(r.X)?.firstResponseDueAt).toBe(paris("2026-12-01T10:00:00").toISOString());
    expect(byId.get(r.X)?.sla).toMatchObject({
      phase: "reply",
      dueAt: paris("2026-12-01T13:00:00").toISOString(),
    });
    expect(byId.get(r.Y)?.sla).toMatchObject({
      phase: "first-response",
      dueAt: paris("2026-12-01T12:00:00").toISOString(),
    });
    // Waiting on the customer: nothing due, so after the majors that have a due time.
    expect(byId.get(r.W)?.sla).toMatchObject({ phase: "paused", dueAt: null });
    expect(page.total).toBe(7);
    expect(page.items[0]?.organization).toEqual({ id: w().premium.id, name: "Premium SA" });
    expect(byId.get(r.P1)?.organization).toEqual({ id: w().paying.id, name: "Paying SARL" });
    expect(byId.get(r.P1)?.openedBy).toEqual({ id: w().payingCustomer.user.id, name: "Paul Paying" });
  });

  it("keeps that order across pages (no page boundary reorders)", async () => {
    const { queue, agent } = w();
    const paged: string[] = [];
    for (let offset = 0; offset < 8; offset += 2)
      paged.push(...ids(await queue(agent, `?limit=2&offset=${offset}`)));
    expect(names(paged)).toEqual(["C", "Y", "X", "W", "M", "P2", "P1"]);
    const second = await queue(agent, "?limit=1&offset=1");
    expect(names(ids(second))).toEqual(["Y"]);
    expect(second).toMatchObject({ total: 7, limit: 1, offset: 1 });
  });

  it("merges resolved requests into the same order when the status filter asks for them", async () => {
    const { queue, agent } = w();
    const all = await queue(agent, "?status=new,open,waiting-on-customer,resolved");
    expect(names(ids(all))).toEqual(["C", "R", "Y", "X", "W", "M", "P2", "P1"]);
    expect(all.total).toBe(8);
    expect(
      names(ids(await queue(agent, "?status=new,open,waiting-on-customer,resolved&limit=2&offset=1"))),
    ).toEqual(["R", "Y"]);
    expect(names(ids(await queue(agent, "?status=resolved")))).toEqual(["R"]);
    expect(names(ids(await queue(agent, "?status=closed")))).toEqual([]);
    expect(names(ids(await queue(agent, "?status=new")))).toEqual(["C", "Y", "M", "P2", "P1"]);
  });

  it.each([
    ["?tier=paying", ["P2", "P1"]],
    ["?tier=premium&criticality=major", ["Y", "X", "W"]],
    ["?criticality=unclassified", ["P1"]],
    ["?criticality=critical", ["C", "P2"]],
    ["?category=bug", ["C"]],
    ["?q=csv", ["Y"]],
    ["?q=%20Export%20CSV%20", ["Y"]],
    ["?q=50%25", ["M"]],
    // LIKE wildcards are escaped: "5_%" is not a pattern matching "50%".
    ["?q=5_%25", []],
    ["?view=mine", ["X"]],
    ["?view=unassigned", ["C", "Y", "W", "P2", "P1"]],
    ["?breached=true", ["P1"]],
    ["?breached=false", ["C", "Y", "X", "W", "M", "P2"]],
    ["?breached=false&status=resolved,new", ["C", "R", "Y", "M", "P2"]],
    ["?breached=true&status=resolved", []],
    ["?view=unassigned&tier=premium&status=new", ["C", "Y"]],
  ])("filters %s", async (query, expected) => {
    const { queue, agent } = w();
    const page = await queue(agent, query);
    expect(names(ids(page))).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("finds a request by its reference", async () => {
    const { queue, agent } = w();
    expect(names(ids(await queue(agent, `?q=${referenceOfM}`)))).toEqual(["M"]);
    expect(names(ids(await queue(agent, `?q=${referenceOfM.toLowerCase()}`)))).toEqual(["M"]);
    expect(ids(await queue(agent, "?q=CS-99999999999"))).toEqual([]);
  });

  it("'mine' is the caller's: the admin's assignment shows in the admin's view", async () => {
    const { queue, admin } = w();
    expect(names(ids(await queue(admin, "?view=mine")))).toEqual(["M"]);
  });

  it("counts the views over every active request, whatever the filters", async () => {
    const { queue, agent, admin } = w();
    const expected = { all: 7, mine: 1, unassigned: 5, breached: 1 };
    expect((await queue(agent)).counts).toEqual(expected);
    expect((await queue(agent, "?tier=paying&view=mine&status=resolved")).counts).toEqual(expected);
    expect((await queue(admin)).counts).toEqual({ ...expected, mine: 1 });
  });

  it("the breached count follows the clock", async () => {
    const { t, queue, agent } = w();
    const before = t.clock.now();
    try {
      // Tuesday 12:30: M (due 10:30) and Y (due 12:00) are late as well; X (13:00), C (13:30) and
      // P2 (Wednesday) are still in time, and W waits on its customer.
      t.clock.set(paris("2026-12-01T12:30:00"));
      expect((await queue(agent)).counts.breached).toBe(3);
      expect(names(ids(await queue(agent, "?breached=true")))).toEqual(["Y", "M", "P1"]);
    } finally {
      t.clock.set(before);
    }
  });

  it("stores each request's running due time as the domain computes it from the request's facts", async () => {
    const { t } = w();
    const rows = await t.db.selectFrom("requests").selectAll().execute();
    expect(rows.length).toBe(8);
    for (const row of rows) expect(row.runningDueAt, row.subject).toBe(runningDueAt(row));
    // Every kind of clock is among them: first response, reply, paused, resolved.
    expect(rows.find((row) => row.id === r.X)?.runningDueAt).toBe(paris("2026-12-01T13:00:00").toISOString());
    expect(rows.find((row) => row.id === r.W)?.runningDueAt).toBeNull();
    expect(rows.find((row) => row.id === r.R)?.runningDueAt).toBeNull();
  });

  it.each([
    ["?status=new,bogus", "status"],
    ["?limit=0", "limit"],
    ["?limit=201", "limit"],
    ["?limit=abc", "limit"],
    ["?offset=-1", "offset"],
    ["?offset=1.5", "offset"],
    ["?view=everyone", "view"],
    ["?breached=yes", "breached"],
    ["?tier=gold", "tier"],
    ["?criticality=urgent", "criticality"],
    ["?category=other", "category"],
    [`?q=${"x".repeat(201)}`, "q"],
  ])("rejects %s with a field error", async (query, field) => {
    const { t, agent, problem } = w();
    const body = await problem(
      await t.call("GET", `/v1/agent/queue${query}`, { token: agent.token }),
      422,
      "validation-failed",
    );
    expect(body.errors?.map((e) => e.field)).toContain(field);
  });
});

describe("SLA end to end with an injected clock", () => {
  const w = useWorld();

  it("first response, internal note, customer reply, waiting on the customer", async () => {
    const { t, open, agentPost, detail, customer, agent } = w();
    const receivedAt = paris("2026-11-30T10:00:00"); // Monday
    t.clock.set(receivedAt);
    const opened = await open(customer, { criticality: "major" });
    const due = firstResponseDueAt("premium", receivedAt)?.toISOString();
    expect(due).toBe(paris("2026-12-01T10:00:00").toISOString()); // 1 business day: Tuesday 10:00
    expect(opened.firstResponseDueAt).toBe(due);
    expect(opened.sla).toMatchObject({
      phase: "first-response",
      dueAt: due,
      firstResponse: "pending",
      breached: false,
    });
    expect(opened.sla.remainingBusinessMillis).toBe(9 * 3_600_000);

    // An internal note is not a response.
    t.clock.set(paris("2026-11-30T11:00:00"));
    const noted = await agentPost(
      agent,
      `${opened.id}/messages`,
      { body: "Vérifier les logs", visibility: "internal" },
      201,
    );
    expect(noted.firstRespondedAt).toBeNull();
    expect(noted.status).toBe("new");
    expect(noted.sla).toMatchObject({ phase: "first-response", dueAt: due, firstResponse: "pending" });

    // The first public reply is.
    t.clock.set(paris("2026-11-30T11:30:00"));
    const answered = await agentPost(
      agent,
      `${opened.id}/messages`,
      { body: "Bonjour Claire, …", visibility: "public" },
      201,
    );
    expect(answered.firstRespondedAt).toBe(paris("2026-11-30T11:30:00").toISOString());
    expect(answered.status).toBe("open");
    expect(answered.sla).toMatchObject({ phase: "none", dueAt: null, firstResponse: "met", breached: false });

    // A later public reply does not move the first response.
    t.clock.set(paris("2026-11-30T11:45:00"));
    const again = await agentPost(
      agent,
      `${opened.id}/messages`,
      { body: "Précision", visibility: "public" },
      201,
    );
    expect(again.firstRespondedAt).toBe(paris("2026-11-30T11:30:00").toISOString());

    // The customer writes again: a reply is due by the same rule.
    const customerWroteAt = paris("2026-11-30T14:00:00");
    t.clock.set(customerWroteAt);
    await read(
      await t.call("POST", `/v1/requests/${opened.id}/messages`, {
        token: customer.token,
        json: { body: "Merci, mais…" },
      }),
      201,
    );
    const waiting = await detail(agent, opened.id);
    expect(waiting.sla).toMatchObject({
      phase: "reply",
      dueAt: replyDueAt("premium", customerWroteAt)?.toISOString(),
      firstResponse: "met",
    });
    expect(waiting.sla.dueAt).toBe(paris("2026-12-01T14:00:00").toISOString());

    // Replying while asking the customer something: nothing is due while we wait.
    t.clock.set(paris("2026-11-30T15:00:00"));
    const paused = await agentPost(
      agent,
      `${opened.id}/messages`,
      {
        body: "Pouvez-vous nous envoyer l’export ?",
        visibility: "public",
        status: "waiting-on-customer",
        reason: "Export demandé",
      },
      201,
    );
    expect(paused.status).toBe("waiting-on-customer");
    expect(paused.sla).toMatchObject({
      phase: "paused",
      dueAt: null,
      remainingBusinessMillis: null,
      breached: false,
    });
    expect(paused.history.at(-1)).toMatchObject({
      kind: "status",
      from: "open",
      to: "waiting-on-customer",
      reason: "Export demandé",
      actor: { id: agent.user.id, role: "agent" },
    });
  });

  it("a late first reply is breached, and shows in the breached view until answered", async () => {
    const { t, open, agentPost, queue, customer, agent } = w();
    t.clock.set(paris("2026-12-07T16:00:00")); // Monday; due Tuesday 16:00
    const late = await open(customer, { subject: "Réponse tardive" });
    t.clock.set(paris("2026-12-08T16:00:00"));
    expect((await queue(agent, "?breached=true")).items.map((i) => i.id)).not.toContain(late.id);
    t.clock.set(paris("2026-12-08T16:00:00.001"));
    const overdue = await queue(agent, "?breached=true");
    expect(overdue.items.map((i) => i.id)).toContain(late.id);
    expect(overdue.items.find((i) => i.id === late.id)?.sla).toMatchObject({
      breached: true,
      firstResponse: "breached",
    });

    t.clock.set(paris("2026-12-08T17:00:00"));
    const answered = await agentPost(
      agent,
      `${late.id}/messages`,
      { body: "Désolés du délai.", visibility: "public" },
      201,
    );
    expect(answered.sla).toMatchObject({ firstResponse: "breached", phase: "none", breached: false });
    expect((await queue(agent, "?breached=true")).items.map((i) => i.id)).not.toContain(late.id);
  });
});

describe("request detail, notes, criticality, assignment and status", () => {
  const w = useWorld();

  it("shows internal notes to staff only", async () => {
    const { t, open, agentPost, detail, customer, agent } = w();
    const request = await open(customer);
    t.clock.advance(60_000);
    await agentPost(
      agent,
      `${request.id}/messages`,
      { body: "Note interne : client sensible", visibility: "internal" },
      201,
    );
    t.clock.advance(60_000);
    await agentPost(
      agent,
      `${request.id}/messages`,
      { body: "Bonjour, c’est corrigé.", visibility: "public" },
      201,
    );

    const staffView = await detail(agent, request.id);
    expect(staffView.messages.map((m) => [m.visibility, m.body])).toEqual([
      ["public", "Bonjour, pouvez-vous m’aider ?"],
      ["internal", "Note interne : client sensible"],
      ["public", "Bonjour, c’est corrigé."],
    ]);
    expect(staffView.messages[1]?.author).toEqual({ id: agent.user.id, name: "Agnès Agent", role: "agent" });

    const customerView = await read<CustomerDetail>(
      await t.call("GET", `/v1/requests/${request.id}`, { token: customer.token }),
      200,
    );
    expect(customerView.messages.map((m) => m.body)).toEqual([
      "Bonjour, pouvez-vous m’aider ?",
      "Bonjour, c’est corrigé.",
    ]);
    expect(JSON.stringify(customerView)).not.toContain("Note interne");
  });

  it("includes the organization with its entitlements and up to 10 related requests", async () => {
    const { t, detail, agent } = w();
    const org: Organization = await t.organization("paying", ["developer-support"], "Related SAS");
    const colleague = await t.user("customer", org.id);
    const opened: CustomerDetail[] = [];
    for (let i = 0; i < 12; i++) {
      t.clock.advance(60_000);
      opened.push(
        await read<CustomerDetail>(
          await t.call("POST", "/v1/requests", {
            token: colleague.token,
            json: { subject: `Demande ${i}`, category: "usage-question", body: "…" },
          }),
          201,
        ),
      );
    }
    const first = opened[0];
    if (!first) throw new Error("no request");
    const view = await detail(agent, first.reference);
    expect(view.id).toBe(first.id);
    expect(view.organization).toMatchObject({
      id: org.id,
      name: "Related SAS",
      tier: "paying",
      addOns: ["developer-support"],
    });
    expect(view.organization.entitlements["developer-support"]).toBe("included");
    expect(view.organization.entitlements["priority-support"]).toBe("no");
    // The 10 most recently updated others, newest first; never itself, never another organization's.
    expect(view.related.map((rel) => rel.subject)).toEqual(
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `Demande ${i}`),
    );
    expect(view.related[0]).toEqual({
      id: opened[11]?.id,
      reference: opened[11]?.reference,
      subject: "Demande 11",
      status: "new",
      updatedAt: opened[11]?.updatedAt,
    });
  });

  it("answers 404 for unknown requests and 422 for malformed ids", async () => {
    const { t, agent, problem } = w();
    const get = (id: string) => t.call("GET", `/v1/agent/requests/${id}`, { token: agent.token });
    await problem(await get("unknown-id"), 404, "not-found");
    await problem(await get("CS-999999"), 404, "not-found");
    // Beyond the integer column: still "not found", never a database error.
    await problem(await get("CS-99999999999"), 404, "not-found");
    await problem(await get("bad%20id"), 422, "validation-failed");
    await problem(
      await t.call("POST", "/v1/agent/requests/unknown-id/status", {
        token: agent.token,
        json: { status: "resolved" },
      }),
      404,
      "not-found",
    );
  });

  it("records a criticality change with who and why, visible to the customer", async () => {
    const { t, open, agentPost, payingCustomer, agent } = w();
    const request = await open(payingCustomer);
    expect(request.criticality).toBeNull();
    t.clock.advance(60_000);
    const changed = await agentPost(agent, `${request.id}/criticality`, {
      criticality: "major",
      reason: "  Tout le service commercial est bloqué  ",
    });
    expect(changed.criticality).toBe("major");
    expect(changed.history.at(-1)).toMatchObject({
      kind: "criticality",
      from: null,
      to: "major",
      reason: "Tout le service commercial est bloqué",
      actor: { id: agent.user.id, name: "Agnès Agent", role: "agent" },
    });
    t.clock.advance(60_000);
    const back = await agentPost(agent, `${request.id}/criticality`, {
      criticality: null,
      reason: "Contournement trouvé",
    });
    expect(back.criticality).toBeNull();
    expect(back.history.at(-1)).toMatchObject({
      kind: "criticality",
      from: "major",
      to: null,
      reason: "Contournement trouvé",
    });

    const customerView = await read<CustomerDetail>(
      await t.call("GET", `/v1/requests/${request.id}`, { token: payingCustomer.token }),
      200,
    );
    expect(customerView.history.filter((h) => h.kind === "criticality").map((h) => h.reason)).toEqual([
      "Tout le service commercial est bloqué",
      "Contournement trouvé",
    ]);
  });

  it.each([
    [{ criticality: "major" }, "reason"],
    [{ criticality: "major", reason: "   " }, "reason"],
    [{ criticality: "major", reason: "x".repeat(1001) }, "reason"],
    [{ criticality: "urgent", reason: "Pourquoi pas" }, "criticality"],
    [{ reason: "Sans valeur" }, "criticality"],
    [{ criticality: "minor", reason: "ok", by: "me" }, "by"],
  ])("rejects the criticality change %j", async (json, field) => {
    const { t, open, customer, agent, problem } = w();
    const request = await open(customer);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/criticality`, { token: agent.token, json }),
      422,
      "validation-failed",
    );
    expect(body.errors?.map((e) => e.field)).toEqual([field]);
  });

  it("assigns to staff and unassigns; never to a customer or a disabled account", async () => {
    const { t, open, agentPost, customer, agent, admin, problem } = w();
    const request = await open(customer);
    t.clock.advance(60_000);
    const assigned = await agentPost(agent, `${request.id}/assign`, { assigneeId: admin.user.id });
    expect(assigned.assigneeId).toBe(admin.user.id);
    expect(assigned.history.at(-1)).toMatchObject({
      kind: "assignee",
      from: null,
      to: admin.user.id,
      actor: { id: agent.user.id },
    });
    t.clock.advance(60_000);
    const unassigned = await agentPost(agent, `${request.id}/assign`, { assigneeId: null });
    expect(unassigned.assigneeId).toBeNull();
    expect(unassigned.history.at(-1)).toMatchObject({ kind: "assignee", from: admin.user.id, to: null });

    // Customers never see who is assigned.
    const customerView = await read<CustomerDetail>(
      await t.call("GET", `/v1/requests/${request.id}`, { token: customer.token }),
      200,
    );
    expect(customerView.history.some((h) => h.kind === "assignee")).toBe(false);

    const disabled = await t.user("agent");
    await t.db
      .updateTable("users")
      .set({ disabledAt: t.clock.now().toISOString() })
      .where("id", "=", disabled.user.id)
      .execute();
    for (const assigneeId of [customer.user.id, disabled.user.id, "nobody"]) {
      const body = await problem(
        await t.call("POST", `/v1/agent/requests/${request.id}/assign`, {
          token: agent.token,
          json: { assigneeId },
        }),
        422,
        "validation-failed",
      );
      expect(body.errors?.map((e) => e.field)).toEqual(["assigneeId"]);
    }
    for (const json of [{}, { assigneeId: "" }, { assigneeId: 42 }, { assigneeId: null, extra: 1 }]) {
      await problem(
        await t.call("POST", `/v1/agent/requests/${request.id}/assign`, { token: agent.token, json }),
        422,
        "validation-failed",
      );
    }
    expect((await w().detail(agent, request.id)).assigneeId).toBeNull();
  });

  it("changes status through the domain's rules", async () => {
    const { t, open, agentPost, customer, agent, problem } = w();
    const request = await open(customer);
    t.clock.advance(60_000);
    const resolved = await agentPost(agent, `${request.id}/status`, {
      status: "resolved",
      reason: "Corrigé en 4.2",
    });
    expect(resolved.status).toBe("resolved");
    expect(resolved.autoCloseAt).not.toBeNull();
    expect(resolved.history.at(-1)).toMatchObject({
      kind: "status",
      from: "new",
      to: "resolved",
      reason: "Corrigé en 4.2",
    });
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/status`, {
        token: agent.token,
        json: { status: "waiting-on-customer" },
      }),
      409,
      "illegal-transition",
    );
    expect(body.detail).toContain("resolved");
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/status`, {
        token: agent.token,
        json: { status: "done" },
      }),
      422,
      "validation-failed",
    );
    const closed = await agentPost(agent, `${request.id}/status`, { status: "closed" });
    expect(closed.status).toBe("closed");
    // A closed request takes no message until it is reopened.
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
        token: agent.token,
        json: { body: "Encore une chose", visibility: "public" },
      }),
      409,
      "illegal-transition",
    );
  });

  it.each([
    [{ body: "Bonjour" }, "visibility"],
    [{ body: "   ", visibility: "public" }, "body"],
    [{ body: "Bonjour", visibility: "private" }, "visibility"],
    [{ body: "x".repeat(20_001), visibility: "internal" }, "body"],
    [{ body: "Bonjour", visibility: "public", status: "archived" }, "status"],
    [{ body: "Bonjour", visibility: "public", notify: true }, "notify"],
  ])("rejects the message %#", async (json, field) => {
    const { t, open, customer, agent, problem } = w();
    const request = await open(customer);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/messages`, { token: agent.token, json }),
      422,
      "validation-failed",
    );
    expect(body.errors?.map((e) => e.field)).toEqual([field]);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const { t, open, customer, agent, problem } = w();
    const request = await open(customer);
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/messages`, {
        token: agent.token,
        body: "{not json",
        headers: { "content-type": "application/json" },
      }),
      400,
      "invalid-json",
    );
  });

  it("lists active staff for assignment menus", async () => {
    const { t, agent, admin, customer } = w();
    const gone = await t.user("agent", null, { name: "Parti" });
    await t.db
      .updateTable("users")
      .set({ disabledAt: t.clock.now().toISOString() })
      .where("id", "=", gone.user.id)
      .execute();
    const { items } = await read<{ items: { id: string; name: string; email: string; role: string }[] }>(
      await t.call("GET", "/v1/agent/staff", { token: agent.token }),
      200,
    );
    const ids = items.map((i) => i.id);
    expect(ids).toContain(agent.user.id);
    expect(ids).toContain(admin.user.id);
    expect(ids).not.toContain(customer.user.id);
    expect(ids).not.toContain(gone.user.id);
    expect(items.find((i) => i.id === admin.user.id)).toEqual({
      id: admin.user.id,
      name: "Adam Admin",
      email: admin.user.email,
      role: "admin",
    });
  });
});

describe("quotes", () => {
  const w = useWorld();

  async function quoteRequest(world: World) {
    return world.open(world.customer, {
      subject: "Connecteur TMS",
      category: "custom-development",
      body: "Synchroniser nos tournées chaque nuit.",
    });
  }

  it("propose, supersede, accept, withdraw", async () => {
    const world = w();
    const { t, agentPost, detail, customer, agent, problem, validQuote } = world;
    const request = await quoteRequest(world);
    t.clock.advance(60_000);
    const first = await agentPost<QuoteBody>(agent, `${request.id}/quotes`, validQuote(), 201);
    expect(first).toMatchObject({ status: "proposed", amountCents: 480_000, effortDays: 6, decidedAt: null });
    expect(first.proposedAt).toBe(t.clock.now().toISOString());

    t.clock.advance(60_000);
    const second = await agentPost<QuoteBody>(
      agent,
      `${request.id}/quotes`,
      validQuote({ amountCents: 450_000 }),
      201,
    );
    const afterSecond = await detail(agent, request.id);
    expect(afterSecond.quotes.map((q) => [q.id, q.status])).toEqual([
      [second.id, "proposed"],
      [first.id, "superseded"],
    ]);

    // The customer accepts the current proposal; the superseded one cannot be accepted.
    await problem(
      await t.call("POST", `/v1/requests/${request.id}/quotes/${first.id}/accept`, { token: customer.token }),
      409,
      "illegal-transition",
    );
    t.clock.advance(60_000);
    const accepted = await read<QuoteBody>(
      await t.call("POST", `/v1/requests/${request.id}/quotes/${second.id}/accept`, {
        token: customer.token,
      }),
      200,
    );
    expect(accepted).toMatchObject({
      id: second.id,
      status: "accepted",
      decidedAt: t.clock.now().toISOString(),
    });
    // An accepted quote cannot be withdrawn.
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes/${second.id}/withdraw`, {
        token: agent.token,
      }),
      409,
      "illegal-transition",
    );

    t.clock.advance(60_000);
    const third = await agentPost<QuoteBody>(
      agent,
      `${request.id}/quotes`,
      validQuote({ terms: "Avenant" }),
      201,
    );
    t.clock.advance(60_000);
    const withdrawn = await read<QuoteBody>(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes/${third.id}/withdraw`, {
        token: agent.token,
      }),
      200,
    );
    expect(withdrawn).toMatchObject({ id: third.id, status: "withdrawn" });
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes/${third.id}/withdraw`, {
        token: agent.token,
      }),
      409,
      "illegal-transition",
    );
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes/unknown/withdraw`, {
        token: agent.token,
      }),
      404,
      "not-found",
    );
    const history = (await detail(agent, request.id)).history
      .filter((h) => h.kind === "quote")
      .map((h) => h.to);
    expect(history).toEqual(["proposed", "proposed", "accepted", "proposed", "withdrawn"]);
  });

  it("an expired quote cannot be accepted", async () => {
    const world = w();
    const { t, agentPost, detail, customer, agent, problem, validQuote } = world;
    t.clock.set(paris("2026-11-30T17:00:00"));
    const request = await quoteRequest(world);
    // Valid through today (Paris): still acceptable at 23:59:59, expired from midnight.
    const quote = await agentPost<QuoteBody>(
      agent,
      `${request.id}/quotes`,
      validQuote({ validUntil: "2026-11-30" }),
      201,
    );
    expect(quote.status).toBe("proposed");
    t.clock.set(paris("2026-11-30T23:59:59"));
    expect((await detail(agent, request.id)).quotes[0]).toMatchObject({ id: quote.id, status: "proposed" });
    t.clock.set(paris("2026-12-01T00:00:00"));
    await problem(
      await t.call("POST", `/v1/requests/${request.id}/quotes/${quote.id}/accept`, { token: customer.token }),
      409,
      "quote-expired",
    );
    expect((await detail(agent, request.id)).quotes[0]).toMatchObject({ id: quote.id, status: "expired" });
  });

  it("only on custom-development requests, and not on a closed one", async () => {
    const world = w();
    const { t, open, agentPost, customer, agent, problem, validQuote } = world;
    const question = await open(customer);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${question.id}/quotes`, {
        token: agent.token,
        json: validQuote(),
      }),
      409,
      "conflict",
    );
    expect(body.detail).toBe("Les devis ne concernent que les demandes de développement spécifique.");
    const request = await quoteRequest(world);
    await agentPost(agent, `${request.id}/status`, { status: "closed" });
    await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, {
        token: agent.token,
        json: validQuote(),
      }),
      409,
      "illegal-transition",
    );
  });

  it("lists every invalid field at once, with messages in French by default", async () => {
    const world = w();
    const { t, agent, problem } = world;
    t.clock.set(paris("2026-12-02T10:00:00"));
    const request = await quoteRequest(world);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, {
        token: agent.token,
        json: { amountCents: 1500.5, effortDays: 0.3, validUntil: "2026-12-01", terms: "   " },
      }),
      422,
      "validation-failed",
    );
    expect(body.errors?.map((e) => [e.field, e.code])).toEqual([
      ["amountCents", "not-integer"],
      ["effortDays", "out-of-range"],
      ["validUntil", "in-the-past"],
      ["terms", "required"],
    ]);
    expect(body.errors?.[0]?.message).toBe(
      "Le montant doit être un nombre entier de centimes d’euro (par exemple 150000 pour 1 500,00 €).",
    );
    expect(body.errors?.[2]?.message).toBe(
      "La date de validité ne peut pas être passée (au plus tôt aujourd’hui, 2026-12-02).",
    );
    for (const error of body.errors ?? []) expect(error.message).not.toMatch(/^[a-z-]+$/);
  });

  it("words the field errors in English for an English-speaking agent", async () => {
    const world = w();
    const { t, problem } = world;
    const englishAgent = await t.user("agent", null, { locale: "en" });
    const request = await quoteRequest(world);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, {
        token: englishAgent.token,
        json: { amountCents: 99.9, effortDays: 2, validUntil: "31/12/2026", terms: "Terms" },
      }),
      422,
      "validation-failed",
    );
    expect(body.errors).toEqual([
      {
        field: "amountCents",
        code: "not-integer",
        message: "The amount must be a whole number of euro cents (for example 150000 for €1,500.00).",
      },
      {
        field: "validUntil",
        code: "invalid-date",
        message: "Invalid date: use the format YYYY-MM-DD (for example 2026-12-31).",
      },
    ]);
    const tooFar = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, {
        token: englishAgent.token,
        json: { amountCents: 100, effortDays: 1, validUntil: "2099-01-01", terms: "Terms" },
      }),
      422,
      "validation-failed",
    );
    expect(tooFar.errors?.[0]).toMatchObject({ field: "validUntil", code: "out-of-range" });
    expect(tooFar.errors?.[0]?.message).toMatch(/^A quote is valid for at most 365 days/);
  });

  it.each([
    [{ amountCents: "1500", effortDays: 1, validUntil: "2026-12-31", terms: "t" }, "amountCents"],
    [{ effortDays: 1, validUntil: "2026-12-31", terms: "t" }, "amountCents"],
    [{ amountCents: 1500, effortDays: 1, validUntil: "2026-12-31", terms: "t", currency: "USD" }, "currency"],
  ])("rejects a malformed proposal %#", async (json, field) => {
    const world = w();
    const { t, agent, problem } = world;
    const request = await quoteRequest(world);
    const body = await problem(
      await t.call("POST", `/v1/agent/requests/${request.id}/quotes`, { token: agent.token, json }),
      422,
      "validation-failed",
    );
    expect(body.errors?.map((e) => e.field)).toEqual([field]);
  });
});

describe("who may call the agent routes", () => {
  const w = useWorld();

  interface Target {
    id: string;
    quoteId: string;
  }

  /** A fresh custom-development request with a proposed quote, so every action can succeed. */
  async function prepare(): Promise<Target> {
    const { open, agentPost, customer, agent, validQuote } = w();
    const request = await open(customer, { subject: "Matrice", category: "custom-development" });
    const quote = await agentPost<QuoteBody>(agent, `${request.id}/quotes`, validQuote(), 201);
    return { id: request.id, quoteId: quote.id };
  }

  const routes: {
    method: "GET" | "POST";
    path: (t: Target) => string;
    json?: (t: Target, caller: Actor) => unknown;
    ok: number;
  }[] = [
    { method: "GET", path: () => "/v1/agent/queue", ok: 200 },
    { method: "GET", path: (r) => `/v1/agent/requests/${r.id}`, ok: 200 },
    {
      method: "POST",
      path: (r) => `/v1/agent/requests/${r.id}/messages`,
      json: () => ({ body: "Bonjour", visibility: "public" }),
      ok: 201,
    },
    {
      method: "POST",
      path: (r) => `/v1/agent/requests/${r.id}/assign`,
      json: (_, caller) => ({ assigneeId: caller.user.id }),
      ok: 200,
    },
    {
      method: "POST",
      path: (r) => `/v1/agent/requests/${r.id}/status`,
      json: () => ({ status: "resolved" }),
      ok: 200,
    },
    {
      method: "POST",
      path: (r) => `/v1/agent/requests/${r.id}/criticality`,
      json: () => ({ criticality: "minor", reason: "Contournement" }),
      ok: 200,
    },
    {
      method: "POST",
      path: (r) => `/v1/agent/requests/${r.id}/quotes`,
      json: () => w().validQuote(),
      ok: 201,
    },
    { method: "POST", path: (r) => `/v1/agent/requests/${r.id}/quotes/${r.quoteId}/withdraw`, ok: 200 },
    { method: "GET", path: () => "/v1/agent/staff", ok: 200 },
  ];

  describe.each(
    routes.map(
      (route) => [`${route.method} ${route.path({ id: "{id}", quoteId: "{quoteId}" })}`, route] as const,
    ),
  )("%s", (_, route) => {
    const call = async (caller: Actor | undefined) => {
      const target = await prepare();
      const { t } = w();
      return t.call(route.method, route.path(target), {
        token: caller?.token,
        ...(route.json ? { json: route.json(target, caller ?? w().customer) } : {}),
      });
    };

    it("anonymous → 401", async () => {
      await w().problem(await call(undefined), 401, "unauthenticated");
    });
    it("customer → 403, even on their own organization's request", async () => {
      await w().problem(await call(w().customer), 403, "forbidden");
    });
    it("agent → 2xx", async () => {
      await read(await call(w().agent), route.ok);
    });
    it("admin → 2xx", async () => {
      await read(await call(w().admin), route.ok);
    });
  });
});
