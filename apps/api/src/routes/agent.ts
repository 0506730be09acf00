/** Staff side of requests: the queue, full detail, replies and notes, status, criticality, assignment, quotes. */
import {
  compareQueue,
  criticalityIds,
  criticalityRank,
  formatRequestReference,
  isActiveStatus,
  parseRequestReference,
  type QueueEntry,
  queueTierRank,
  type RequestStatusId,
  requestCategoryIds,
  requestStatusIds,
  roleIds,
  tierIds,
} from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { authOf, defineRoute } from "../access.ts";
import { decideQuote, proposeQuote } from "../commands/quotes.ts";
import { addMessage, assignRequest, changeCriticality, changeStatus } from "../commands/requests.ts";
import type { Database, SupportRequest } from "../db/schema.ts";
import {
  findRequest,
  maxRequestNumber,
  presentQuote,
  presentSummary,
  requestDetail,
  slaOf,
} from "../queries/requests.ts";
import { findOrganization, presentOrganization } from "../queries/users.ts";
import { createRouter } from "../router.ts";
import { limits, QuoteSchema, RequestDetailSchema, RequestSummarySchema } from "./request-schemas.ts";
import { IdParamSchema, json, jsonBody, problems, text } from "./schemas.ts";
import { OrganizationSchema } from "./user-schemas.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const criticalityFilterIds = [...criticalityIds, "unclassified"] as const;

const QueueQuery = z.object({
  view: z.enum(["all", "mine", "unassigned"]).default("all").openapi({ description: "mine: assigned to me" }),
  tier: z.enum(tierIds).optional().openapi({ description: "Tier fixed when the request was received" }),
  criticality: z.enum(criticalityFilterIds).optional(),
  category: z.enum(requestCategoryIds).optional(),
  status: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description: "Comma-separated statuses (default: new, open, waiting-on-customer)",
      example: "new,open,resolved",
    })
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const list = [...new Set(v.split(",").map((s) => s.trim()))];
      for (const s of list) {
        if (!(requestStatusIds as readonly string[]).includes(s)) {
          ctx.addIssue({
            code: "invalid_value",
            values: [...requestStatusIds],
            input: s,
            message: "unknown status",
          });
          return z.NEVER;
        }
      }
      return list as RequestStatusId[];
    }),
  breached: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "Only requests whose running SLA clock is (true) or is not (false) past due" })
    .transform((v) => (v === undefined ? undefined : v === "true")),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "Words of the subject, or a reference CS-000123" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Spelled out: the generator calls a coerced number with min(0) nullable (Number(null) is 0).
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .openapi({ type: "integer", minimum: 0, maximum: 10_000, default: 0 }),
});

type QueueFilters = z.output<typeof QueueQuery>;

const QueueItemSchema = RequestSummarySchema.extend({
  organization: z.object({ id: z.string(), name: z.string() }),
}).openapi("QueueItem");

const QueueSchema = z
  .object({
    items: z.array(QueueItemSchema),
    total: z.number().int().openapi({ description: "Requests matching the filters" }),
    limit: z.number().int(),
    offset: z.number().int(),
    counts: z
      .object({
        all: z.number().int(),
        mine: z.number().int(),
        unassigned: z.number().int(),
        breached: z.number().int(),
      })
      .openapi({ description: "Sizes of the views over every active request (other filters not applied)" }),
  })
  .openapi("Queue");

const AgentRequestDetailSchema = RequestDetailSchema.extend({
  organization: OrganizationSchema,
  related: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        subject: z.string(),
        status: z.enum(requestStatusIds),
        updatedAt: z.string(),
      }),
    )
    .openapi({
      description: "Up to 10 other requests of the same organization, most recently updated first",
    }),
}).openapi("AgentRequestDetail");

/** The queue page and the agent's view of a request, as the portal receives them. */
export type Queue = z.infer<typeof QueueSchema>;
export type AgentRequestDetail = z.infer<typeof AgentRequestDetailSchema>;

const StaffMemberSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(roleIds) })
  .openapi("StaffMember");

const QuoteParams = IdParamSchema.extend({
  quoteId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "quoteId", in: "path" } }),
});

const AgentMessageInput = z
  .strictObject({
    body: text(1, limits.body),
    visibility: z
      .enum(["public", "internal"])
      .openapi({ description: "internal: a note the customer never sees" }),
    status: z
      .enum(requestStatusIds)
      .optional()
      .openapi({ description: "A new status to set with the message" }),
    reason: text(1, limits.reason)
      .optional()
      .openapi({ description: "Why the status changes (kept in history)" }),
  })
  .openapi("AgentMessageInput");

const AssignInput = z
  .strictObject({
    assigneeId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .openapi({ description: "A staff user's id; null unassigns" }),
  })
  .openapi("AssignInput");

const StatusInput = z
  .strictObject({ status: z.enum(requestStatusIds), reason: text(1, limits.reason).optional() })
  .openapi("StatusInput");

const CriticalityInput = z
  .strictObject({
    criticality: z.enum(criticalityIds).nullable().openapi({ description: "null: unclassified" }),
    reason: text(1, limits.reason).openapi({ description: "Why (kept in history with who changed it)" }),
  })
  .openapi("CriticalityInput");

// Only types here: the domain's validateQuoteProposal checks the values and words the messages,
// so one response lists every field to fix.
const ProposeQuoteInput = z
  .strictObject({
    amountCents: z
      .number()
      .openapi({ description: "Amount excluding VAT, in euro cents (an integer)", example: 480000 }),
    effortDays: z.number().openapi({ description: "Estimated effort in days, by half days", example: 6 }),
    validUntil: z
      .string()
      .max(32)
      .openapi({ description: "Last day it can be accepted, YYYY-MM-DD (Europe/Paris)" }),
    terms: z.string().trim(),
  })
  .openapi("ProposeQuoteInput");

// ---------------------------------------------------------------------------------------------
// Routes

const tags = ["Agent"];

const getQueue = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/queue",
  tags,
  summary: "The support queue in priority order (premium first, then criticality, due time, age)",
  request: { query: QueueQuery },
  responses: { 200: json(QueueSchema, "A page of the queue"), ...problems(401, 403, 422) },
});

const getRequest = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/requests/{id}",
  tags,
  summary: "One request with internal notes, full history, quotes, organization and related requests",
  request: { params: IdParamSchema },
  responses: { 200: json(AgentRequestDetailSchema, "The request"), ...problems(401, 403, 404, 422) },
});

const postMessage = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/messages",
  tags,
  summary: "Reply to the customer or add an internal note, optionally changing the status",
  request: { params: IdParamSchema, body: jsonBody(AgentMessageInput) },
  responses: { 201: json(AgentRequestDetailSchema, "Added"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const postAssign = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/assign",
  tags,
  summary: "Assign to a staff member, or unassign (null)",
  request: { params: IdParamSchema, body: jsonBody(AssignInput) },
  responses: { 200: json(AgentRequestDetailSchema, "Assigned"), ...problems(400, 401, 403, 404, 413, 422) },
});

const postStatus = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/status",
  tags,
  summary: "Change the status (resolve, wait on the customer, reopen, close…)",
  request: { params: IdParamSchema, body: jsonBody(StatusInput) },
  responses: {
    200: json(AgentRequestDetailSchema, "Changed"),
    ...problems(400, 401, 403, 404, 409, 413, 422),
  },
});

const postCriticality = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/criticality",
  tags,
  summary: "Re-classify criticality (the reason is kept in history)",
  request: { params: IdParamSchema, body: jsonBody(CriticalityInput) },
  responses: { 200: json(AgentRequestDetailSchema, "Changed"), ...problems(400, 401, 403, 404, 413, 422) },
});

const postQuote = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/quotes",
  tags,
  summary: "Propose a quote on a custom-development request (supersedes an open proposal)",
  request: { params: IdParamSchema, body: jsonBody(ProposeQuoteInput) },
  responses: { 201: json(QuoteSchema, "Proposed"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const postWithdrawQuote = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/quotes/{quoteId}/withdraw",
  tags,
  summary: "Withdraw a proposed quote",
  request: { params: QuoteParams },
  responses: { 200: json(QuoteSchema, "Withdrawn"), ...problems(401, 403, 404, 409, 422) },
});

const getStaff = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/staff",
  tags,
  summary: "Active staff members (agents and admins), for assignment menus",
  responses: { 200: json(z.object({ items: z.array(StaffMemberSchema) }), "Staff"), ...problems(401, 403) },
});

// ---------------------------------------------------------------------------------------------
// The queue

/*
 * Order. `compareQueue` (domain) ranks by tier, criticality, the *running* due time, then age. The
 * running due time is the first-response due time until the first answer, then the reply due time
 * of a waiting customer message (`replyDueAt(awaitingReplySince)`, business-time arithmetic SQL
 * cannot do), and nothing while paused. So SQL does the coarse order (tier and criticality ranks
 * as CASE expressions, then firstResponseDueAt, receivedAt) and the code re-sorts with
 * `compareQueue` on the live SLA. Sorting only the fetched page would misplace a request at a
 * page boundary (one answered early whose customer wrote again sorts by its later reply due time),
 * so the key columns of the whole matching *active* set are read and sorted before paging; the
 * breached filter and counts need that live SLA over the active set anyway. This is fine at our
 * scale (active requests number in the hundreds or thousands, not the 100,000 stored). Resolved
 * and closed requests (only with an explicit `status` filter) have nothing due, so SQL orders them
 * exactly; only the first offset+limit of them can reach the page, and only those are read.
 */

const keyColumns = [
  "requests.id",
  "requests.tier",
  "requests.criticality",
  "requests.status",
  "requests.receivedAt",
  "requests.firstResponseDueAt",
  "requests.firstRespondedAt",
  "requests.awaitingReplySince",
  "requests.assigneeId",
] as const;

type QueueKey = Pick<
  SupportRequest,
  | "id"
  | "tier"
  | "criticality"
  | "status"
  | "receivedAt"
  | "firstResponseDueAt"
  | "firstRespondedAt"
  | "awaitingReplySince"
  | "assigneeId"
>;

const activeStatuses = requestStatusIds.filter(isActiveStatus);

/** `case <column> when <value> then <rank> … else <otherwise> end`, ranks taken from the domain. */
function rankCase(
  column: string,
  ranks: readonly (readonly [string, number])[],
  otherwise: number,
): RawBuilder<number> {
  const whens = ranks.map(([value, rank]) => sql`when ${value} then ${sql.lit(rank)}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(whens, sql` `)} else ${sql.lit(otherwise)} end`;
}

const tierRankSql = rankCase(
  "requests.tier",
  tierIds.map((t) => [t, queueTierRank(t)] as const),
  tierIds.length,
);
const criticalityRankSql = rankCase(
  "requests.criticality",
  criticalityIds.map((c) => [c, criticalityRank(c)] as const),
  criticalityRank(null),
);

/** Escapes LIKE wildcards (with an explicit ESCAPE clause: SQLite has no default escape character). */
function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Requests matching every filter but status and breached. */
function filteredRequests(db: Kysely<Database>, filters: QueueFilters, userId: string) {
  let query = db.selectFrom("requests");
  if (filters.view === "mine") query = query.where("requests.assigneeId", "=", userId);
  if (filters.view === "unassigned") query = query.where("requests.assigneeId", "is", null);
  if (filters.tier) query = query.where("requests.tier", "=", filters.tier);
  if (filters.criticality === "unclassified") query = query.where("requests.criticality", "is", null);
  else if (filters.criticality) query = query.where("requests.criticality", "=", filters.criticality);
  if (filters.category) query = query.where("requests.category", "=", filters.category);
  const q = filters.q;
  if (q) {
    const number = parseRequestReference(q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(${sql.ref("requests.subject")})`, "like", sql`${containsPattern(q)} escape '\\'`),
        ...(number !== null && number <= maxRequestNumber ? [eb("requests.number", "=", number)] : []),
      ]),
    );
  }
  return query;
}

interface Ranked {
  readonly id: string;
  readonly entry: QueueEntry;
  readonly breached: boolean;
}

function rank(row: QueueKey, now: Date): Ranked {
  const sla = slaOf(row, now);
  return {
    id: row.id,
    breached: sla.breached,
    entry: {
      tier: row.tier,
      criticality: row.criticality,
      dueAt: sla.dueAt ? new Date(sla.dueAt) : null,
      receivedAt: new Date(row.receivedAt),
    },
  };
}

/** The domain's order, then the id so that pages never overlap on exact ties. */
function byQueueOrder(a: Ranked, b: Ranked): number {
  return compareQueue(a.entry, b.entry) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

async function queueCounts(db: Kysely<Database>, userId: string, now: Date) {
  const active = await db
    .selectFrom("requests")
    .select(keyColumns)
    .where("requests.status", "in", activeStatuses)
    .execute();
  return {
    all: active.length,
    mine: active.filter((r) => r.assigneeId === userId).length,
    unassigned: active.filter((r) => r.assigneeId === null).length,
    breached: active.filter((r) => slaOf(r, now).breached).length,
  };
}

async function loadQueue(db: Kysely<Database>, filters: QueueFilters, userId: string, now: Date) {
  const wanted = filters.status ?? activeStatuses;
  const active = wanted.filter(isActiveStatus);
  // Nothing is due on a resolved or closed request, so none is ever breached.
  const inactive = filters.breached === true ? [] : wanted.filter((s) => !isActiveStatus(s));
  const window = filters.offset + filters.limit;

  const [activeRows, inactiveRows, inactiveCount] = await Promise.all([
    active.length === 0
      ? Promise.resolve([])
      : filteredRequests(db, filters, userId)
          .select(keyColumns)
          .where("requests.status", "in", active)
          .orderBy(tierRankSql)
          .orderBy(criticalityRankSql)
          .orderBy("requests.firstResponseDueAt")
          .orderBy("requests.receivedAt")
          .orderBy("requests.id")
          .execute(),
    inactive.length === 0
      ? Promise.resolve([])
      : filteredRequests(db, filters, userId)
          .select(keyColumns)
          .where("requests.status", "in", inactive)
          .orderBy(tierRankSql)
          .orderBy(criticalityRankSql)
          .orderBy("requests.receivedAt")
          .orderBy("requests.id")
          .limit(window)
          .execute(),
    inactive.length === 0
      ? Promise.resolve({ n: 0 })
      : filteredRequests(db, filters, userId)
          .select((eb) => eb.fn.countAll().as("n"))
          .where("requests.status", "in", inactive)
          .executeTakeFirstOrThrow(),
  ]);

  const rankedActive = activeRows
    .map((row) => rank(row, now))
    .filter((r) => filters.breached === undefined || r.breached === filters.breached);
  const ranked = [...rankedActive, ...inactiveRows.map((row) => rank(row, now))].sort(byQueueOrder);
  const pageIds = ranked.slice(filters.offset, window).map((r) => r.id);

  const rows =
    pageIds.length === 0
      ? []
      : await db
          .selectFrom("requests")
          .innerJoin("organizations", "organizations.id", "requests.organizationId")
          .leftJoin("users", "users.id", "requests.openedBy")
          .selectAll("requests")
          .select(["users.name as openedByName", "organizations.name as organizationName"])
          .where("requests.id", "in", pageIds)
          .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      { ...presentSummary(row, now), organization: { id: row.organizationId, name: row.organizationName } },
    ];
  });
  return {
    items,
    total: rankedActive.length + Number(inactiveCount.n),
    limit: filters.limit,
    offset: filters.offset,
  };
}

// ---------------------------------------------------------------------------------------------
// Detail

async function agentDetail(db: Kysely<Database>, request: SupportRequest, now: Date) {
  const [detail, organization, related] = await Promise.all([
    requestDetail(db, request, { actor: "agent", includeInternal: true }, now),
    findOrganization(db, request.organizationId),
    db
      .selectFrom("requests")
      .select(["id", "number", "subject", "status", "updatedAt"])
      .where("organizationId", "=", request.organizationId)
      .where("id", "!=", request.id)
      .orderBy("updatedAt", "desc")
      .orderBy("id", "desc")
      .limit(10)
      .execute(),
  ]);
  // The foreign key guarantees the organization; a missing one is a broken database, not user input.
  if (!organization)
    throw new Error(`organization ${request.organizationId} of request ${request.id} is missing`);
  return {
    ...detail,
    organization: presentOrganization(organization),
    related: related.map((r) => ({
      id: r.id,
      reference: formatRequestReference(r.number),
      subject: r.subject,
      status: r.status,
      updatedAt: r.updatedAt,
    })),
  };
}

/** A request by id or reference, any organization (staff see them all). */
function findAnyRequest(db: Kysely<Database>, idOrReference: string) {
  return findRequest(db, idOrReference, null);
}

export function agentRoutes() {
  return createRouter()
    .openapi(getQueue, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const now = clock();
      const filters = c.req.valid("query");
      const [page, counts] = await Promise.all([
        loadQueue(db, filters, user.id, now),
        queueCounts(db, user.id, now),
      ]);
      return c.json({ ...page, counts }, 200);
    })
    .openapi(getRequest, async (c) => {
      const { db, clock } = c.get("deps");
      const request = await findAnyRequest(db, c.req.valid("param").id);
      return c.json(await agentDetail(db, request, clock()), 200);
    })
    .openapi(postMessage, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const updated = await addMessage(db, request, user, c.req.valid("json"), now);
      return c.json(await agentDetail(db, updated, now), 201);
    })
    .openapi(postAssign, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const updated = await assignRequest(db, request, user, c.req.valid("json").assigneeId, now);
      return c.json(await agentDetail(db, updated, now), 200);
    })
    .openapi(postStatus, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const { status, reason } = c.req.valid("json");
      const now = clock();
      const updated = await changeStatus(db, request, { user, as: "agent" }, status, reason ?? null, now);
      return c.json(await agentDetail(db, updated, now), 200);
    })
    .openapi(postCriticality, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const { criticality, reason } = c.req.valid("json");
      const now = clock();
      const updated = await changeCriticality(db, request, user, criticality, reason, now);
      return c.json(await agentDetail(db, updated, now), 200);
    })
    .openapi(postQuote, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const quote = await proposeQuote(db, request, user, c.req.valid("json"), now, c.get("locale"));
      return c.json(presentQuote(quote, now), 201);
    })
    .openapi(postWithdrawQuote, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const { id, quoteId } = c.req.valid("param");
      const request = await findAnyRequest(db, id);
      const now = clock();
      const quote = await decideQuote(db, request, quoteId, user, "withdrawn", now);
      return c.json(presentQuote(quote, now), 200);
    })
    .openapi(getStaff, async (c) => {
      const { db } = c.get("deps");
      const items = await db
        .selectFrom("users")
        .select(["id", "name", "email", "role"])
        .where("role", "in", ["agent", "admin"])
        .where("disabledAt", "is", null)
        .orderBy("name")
        .orderBy("id")
        .execute();
      return c.json({ items }, 200);
    });
}
