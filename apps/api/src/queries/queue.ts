/** The staff queue: requests matching the filters in the domain's priority order, one page, and the views' sizes. */
import {
  type CriticalityId,
  criticalityIds,
  criticalityRank,
  parseRequestReference,
  queueTierRank,
  type RequestCategoryId,
  type RequestStatusId,
  type TierId,
  tierIds,
} from "@cirrus/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { contains } from "./contains.ts";
import { activeStatuses, maxRequestNumber, presentSummary } from "./requests.ts";

export interface QueueFilters {
  view: "all" | "mine" | "unassigned";
  tier?: TierId | undefined;
  criticality?: CriticalityId | "unclassified" | undefined;
  category?: RequestCategoryId | undefined;
  /** Default: the active statuses. */
  status?: RequestStatusId[] | undefined;
  breached?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/*
 * Order. `compareQueue` (domain) ranks by tier, criticality, the *running* due time, then age. The
 * running due time (the first-response due time until the first answer, then the reply due time of
 * a waiting customer message, nothing while paused or once resolved) depends on stored facts only,
 * so the commands store it (`requests.runningDueAt`, from the domain's `runningClock`), and SQL
 * orders, pages and counts the queue: tier and criticality ranks as CASE expressions taken from the
 * domain, then `runningDueAt` (nothing due sorts last, as `compareQueue`'s infinity), `receivedAt`,
 * and the id so that pages never overlap on exact ties. Breached means `now` is past the running
 * due time. Only the page's rows get their full live SLA (remaining business time) when presented.
 * Before this, every call ranked all active requests in the process: 20–48 ms of CPU per call with
 * 2,500 active requests, and the memory peak of the API under load (docs/benchmarks.md).
 */

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
        contains("requests.subject", q),
        ...(number !== null && number <= maxRequestNumber ? [eb("requests.number", "=", number)] : []),
      ]),
    );
  }
  return query;
}

/** Whether the running clock is past due at `now` (ISO timestamps compare as text). */
function breachedAt(now: Date) {
  return sql<boolean>`${sql.ref("requests.runningDueAt")} < ${now.toISOString()}`;
}

/** Sizes of the views over every active request (the filters are not applied). */
async function queueCounts(db: Kysely<Database>, userId: string, now: Date) {
  const row = await db
    .selectFrom("requests")
    .select((eb) => [
      eb.fn.countAll<number>().as("all"),
      eb.fn
        .sum<number>(sql`case when ${sql.ref("requests.assigneeId")} = ${userId} then 1 else 0 end`)
        .as("mine"),
      eb.fn
        .sum<number>(sql`case when ${sql.ref("requests.assigneeId")} is null then 1 else 0 end`)
        .as("unassigned"),
      eb.fn.sum<number>(sql`case when ${breachedAt(now)} then 1 else 0 end`).as("breached"),
    ])
    .where("requests.status", "in", activeStatuses)
    .executeTakeFirstOrThrow();
  // SUM over no rows is NULL; PostgreSQL returns counts and sums as strings (bigint, numeric).
  return {
    all: Number(row.all),
    mine: Number(row.mine ?? 0),
    unassigned: Number(row.unassigned ?? 0),
    breached: Number(row.breached ?? 0),
  };
}

/** One page of the requests matching `filters`, in queue order, with their organization. */
async function queuePage(db: Kysely<Database>, filters: QueueFilters, userId: string, now: Date) {
  const statuses = filters.status ?? activeStatuses;
  let matching = filteredRequests(db, filters, userId).where("requests.status", "in", statuses);
  // Nothing is due on a resolved or closed request (null), so none is ever breached.
  if (filters.breached === true) matching = matching.where(breachedAt(now));
  if (filters.breached === false) {
    matching = matching.where((eb) =>
      eb.or([eb("requests.runningDueAt", "is", null), eb("requests.runningDueAt", ">=", now.toISOString())]),
    );
  }
  const [page, total] = await Promise.all([
    matching
      .select("requests.id")
      .orderBy(tierRankSql)
      .orderBy(criticalityRankSql)
      .orderBy("requests.runningDueAt", (ob) => ob.asc().nullsLast())
      .orderBy("requests.receivedAt")
      .orderBy("requests.id")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    matching.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const pageIds = page.map((r) => r.id);
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
  return { items, total: Number(total.n), limit: filters.limit, offset: filters.offset };
}

/** The queue as `userId` sees it at `now`: a page of the matching requests and the sizes of the views. */
export async function loadQueue(db: Kysely<Database>, filters: QueueFilters, userId: string, now: Date) {
  const [page, counts] = await Promise.all([
    queuePage(db, filters, userId, now),
    queueCounts(db, userId, now),
  ]);
  return { ...page, counts };
}
