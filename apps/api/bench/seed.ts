/**
 * Bulk data for the benchmark: 1,000 organizations with their customers, 20 agents, and 100,000
 * requests with their messages and history, written straight into the database in large batches
 * (going through HTTP would take longer than the benchmark itself). Deterministic (seeded), so two
 * runs load the same data. Shapes follow what the commands write; the SLA due times come from the
 * domain, so the agent queue ranks realistic rows.
 */
import { firstResponseDueAt, type RequestStatusId, type TierId } from "@cirrus/domain";
import type { Insertable, Kysely } from "kysely";
import { hashPassword } from "../src/auth/passwords.ts";
import { newId } from "../src/db/ids.ts";
import type { Database, MessageTable, RequestEventTable, RequestTable } from "../src/db/schema.ts";
import { runningDueAt } from "../src/queries/requests.ts";

export interface SeedOptions {
  organizations: number;
  requests: number;
  /** The newest request's receipt time; older ones go back two years. */
  now: Date;
}

export interface SeededData {
  /** Customers (id, organization) whose organization has requests and may open more. */
  readonly customers: readonly { id: string; organizationId: string }[];
  readonly agents: readonly string[];
  /** Active requests by organization (targets for "add a reply", pages to open in the portal). */
  readonly activeByOrganization: ReadonlyMap<string, readonly { id: string; number: number }[]>;
  readonly counts: { users: number; requests: number; messages: number; events: number };
}

/** mulberry32: a tiny seeded PRNG, so the data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CUSTOMERS_PER_ORG = 3;
const AGENTS = 20;
/** Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits for every table here. */
const BATCH = 500;

const subjects = [
  "Export CSV des contacts incomplet",
  "Impossible de se connecter depuis le mobile",
  "Question sur les droits d'accès des commerciaux",
  "Le rapport mensuel ne se met plus à jour",
  "Erreur lors de l'import des opportunités",
  "How do I share a dashboard with my team?",
  "Workflow e-mail not triggered",
  "Champ personnalisé invisible dans la vue liste",
];

/** Writes rows in batches of BATCH (one multi-row INSERT each). */
async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

function statusForAge(ageDays: number, r: () => number): RequestStatusId {
  if (ageDays > 30) return r() < 0.9 ? "closed" : "resolved";
  if (ageDays > 7) return r() < 0.6 ? "resolved" : r() < 0.5 ? "closed" : "open";
  const x = r();
  return x < 0.25 ? "new" : x < 0.55 ? "open" : x < 0.75 ? "waiting-on-customer" : "resolved";
}

/** Loads the data set into a migrated, empty database. */
export async function seedBench(db: Kysely<Database>, options: SeedOptions): Promise<SeededData> {
  const r = random(20261126);
  const nowMs = options.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  // One real argon2id hash shared by everyone: sign-in is not benchmarked, sessions are created directly.
  const passwordHash = await hashPassword("cirrus-bench-2026");
  const created = iso(nowMs - 800 * DAY);

  const organizations: Insertable<Database["organizations"]>[] = [];
  const users: Insertable<Database["users"]>[] = [];
  const customers: { id: string; organizationId: string }[] = [];
  const customersByOrg = new Map<string, string[]>();
  const tiers = new Map<string, TierId>();
  for (let o = 0; o < options.organizations; o++) {
    const id = newId();
    // 15% Free (no request channel), 60% Paying, 25% Premium.
    const tier: TierId = o % 20 < 3 ? "free" : o % 20 < 15 ? "paying" : "premium";
    const addOns = tier === "paying" && o % 4 === 0 ? ["developer-support"] : [];
    organizations.push({
      id,
      name: `Organisation ${o + 1}`,
      tier,
      addOns: JSON.stringify(addOns),
      createdAt: created,
      updatedAt: created,
    });
    tiers.set(id, tier);
    const orgCustomers: string[] = [];
    for (let u = 0; u < CUSTOMERS_PER_ORG; u++) {
      const userId = newId();
      const email = `user${u + 1}@org${o + 1}.example`;
      users.push({
        id: userId,
        organizationId: id,
        email,
        emailNormalized: email,
        name: `Client ${u + 1} de l'organisation ${o + 1}`,
        role: "customer",
        locale: u === 2 ? "en" : "fr",
        passwordHash,
        disabledAt: null,
        createdAt: created,
        updatedAt: created,
      });
      orgCustomers.push(userId);
      if (tier !== "free") customers.push({ id: userId, organizationId: id });
    }
    customersByOrg.set(id, orgCustomers);
  }
  const agents: string[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const id = newId();
    const email = `agent${a + 1}@cirrus-shield.com`;
    users.push({
      id,
      organizationId: null,
      email,
      emailNormalized: email,
      name: `Agent ${a + 1}`,
      role: "agent",
      locale: "fr",
      passwordHash,
      disabledAt: null,
      createdAt: created,
      updatedAt: created,
    });
    agents.push(id);
  }
  await db.transaction().execute(async (trx) => {
    await inBatches(organizations, (batch) => trx.insertInto("organizations").values(batch).execute());
    await inBatches(users, (batch) => trx.insertInto("users").values(batch).execute());
  });

  // Requests only for organizations that can open them (Free has no request channel).
  const payingOrgs = organizations.filter((o) => o.tier !== "free").map((o) => o.id);
  const activeByOrganization = new Map<string, { id: string; number: number }[]>();
  const counts = { users: users.length, requests: 0, messages: 0, events: 0 };
  const CHUNK = 5_000; // requests per transaction
  for (let start = 0; start < options.requests; start += CHUNK) {
    const requests: Insertable<RequestTable>[] = [];
    const messages: Insertable<MessageTable>[] = [];
    const events: Insertable<RequestEventTable>[] = [];
    for (let n = start; n < Math.min(start + CHUNK, options.requests); n++) {
      const organizationId = payingOrgs[n % payingOrgs.length] as string;
      const tier = tiers.get(organizationId) as TierId;
      const opener = customersByOrg.get(organizationId)?.[Math.floor(r() * CUSTOMERS_PER_ORG)] as string;
      // Spread over two years, oldest first, so request numbers follow receipt order.
      const receivedMs = nowMs - ((options.requests - n) / options.requests) * 730 * DAY - r() * HOUR;
      const status = statusForAge((nowMs - receivedMs) / DAY, r);
      const due = firstResponseDueAt(tier, new Date(receivedMs));
      const answered = status !== "new";
      const respondedMs = answered ? receivedMs + (1 + r() * 20) * HOUR : null;
      const agent = agents[Math.floor(r() * AGENTS)] as string;
      const id = newId();
      const received = iso(receivedMs);
      const thread: Insertable<MessageTable>[] = [
        {
          id: newId(),
          requestId: id,
          authorId: opener,
          visibility: "public",
          body: `Bonjour,\n\n${subjects[n % subjects.length]} depuis ce matin. Pouvez-vous nous aider ?\n\nMerci`,
          createdAt: received,
          emailMessageId: null,
        },
      ];
      if (respondedMs !== null) {
        thread.push({
          id: newId(),
          requestId: id,
          authorId: agent,
          visibility: "public",
          body: "Bonjour,\n\nMerci pour votre message. Pouvez-vous préciser le navigateur utilisé ?\n\nLéa",
          createdAt: iso(respondedMs),
          emailMessageId: null,
        });
      }
      // A customer's answer puts an open request back in the agent's court (a reply is due).
      const awaiting = status === "open" && r() < 0.5 && respondedMs !== null ? respondedMs + HOUR : null;
      if (awaiting !== null) {
        thread.push({
          id: newId(),
          requestId: id,
          authorId: opener,
          visibility: "public",
          body: "Nous utilisons Firefox 128 sur Windows 11.",
          createdAt: iso(awaiting),
          emailMessageId: null,
        });
      }
      const lastMs = Math.min(nowMs, Math.max(receivedMs, respondedMs ?? 0, awaiting ?? 0) + HOUR);
      const facts = {
        tier,
        status,
        firstResponseDueAt: due?.toISOString() ?? null,
        firstRespondedAt: respondedMs === null ? null : iso(respondedMs),
        awaitingReplySince: awaiting === null ? null : iso(awaiting),
      };
      requests.push({
        id,
        number: n + 1,
        organizationId,
        openedBy: opener,
        subject: subjects[n % subjects.length] as string,
        category: n % 3 === 0 ? "bug" : "usage-question",
        criticality: tier === "premium" ? (["critical", "major", "minor"] as const)[n % 3] : null,
        ...facts,
        statusChangedAt: iso(lastMs),
        channel: n % 5 === 0 ? "email" : "portal",
        receivedAt: received,
        runningDueAt: runningDueAt(facts),
        assigneeId: answered ? agent : null,
        linkedRequestId: null,
        updatedAt: iso(lastMs),
      });
      messages.push(...thread);
      events.push({
        id: newId(),
        requestId: id,
        actorId: opener,
        kind: "status",
        fromValue: null,
        toValue: "new",
        reason: null,
        createdAt: received,
      });
      if (status !== "new") {
        events.push({
          id: newId(),
          requestId: id,
          actorId: agent,
          kind: "status",
          fromValue: "new",
          toValue: status,
          reason: null,
          createdAt: iso(lastMs),
        });
      }
      if (status === "new" || status === "open" || status === "waiting-on-customer") {
        const list = activeByOrganization.get(organizationId) ?? [];
        list.push({ id, number: n + 1 });
        activeByOrganization.set(organizationId, list);
      }
    }
    await db.transaction().execute(async (trx) => {
      await inBatches(requests, (batch) => trx.insertInto("requests").values(batch).execute());
      await inBatches(messages, (batch) => trx.insertInto("messages").values(batch).execute());
      await inBatches(events, (batch) => trx.insertInto("requestEvents").values(batch).execute());
    });
    counts.requests += requests.length;
    counts.messages += messages.length;
    counts.events += events.length;
  }
  await db.updateTable("counters").set({ value: options.requests }).where("name", "=", "request").execute();
  return { customers, agents, activeByOrganization, counts };
}
