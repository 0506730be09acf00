/** The staff queue: requests matching the filters in the domain's priority order, one page, and the views' sizes. */
import {
  type CriticalityId,
  compareQueue,
  criticalityIds,
  criticalityRank,
  isActiveStatus,
  parseRequestReference,
  type QueueEntry,
  queueTierRank,
  type RequestCategoryId,
  type RequestStatusId,
  type TierId,
  tierIds,
} from "@cirrus/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database, SupportRequest } from "../db/schema.ts";
import { contains } from "./contains.ts";
import { activeStatuses, maxRequestNumber, presentSummary, slaOf } from "./requests.ts";

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

/**
 * Every active request ranked once (live SLA included): the views' sizes count them, and the page
 * reuses their ranks instead of computing the SLA of the same rows a second time (the business-time
 * arithmetic was a fifth of the queue's CPU time, measured with 1,300 active requests).
 */
async function rankActive(db: Kysely<Database>, now: Date) {
  const rows = await db
    .selectFrom("requests")
    .select(keyColumns)
    .where("requests.status", "in", activeStatuses)
    .execute();
  return new Map(rows.map((row) => [row.id, { row, ranked: rank(row, now) }]));
}
type ActiveSet = Awaited<ReturnType<typeof rankActive>>;

/** Sizes of the views over every active request (the filters are not applied). */
function queueCounts(active: ActiveSet, userId: string) {
  const all = [...active.values()];
  return {
    all: all.length,
    mine: all.filter((a) => a.row.assigneeId === userId).length,
    unassigned: all.filter((a) => a.row.assigneeId === null).length,
    breached: all.filter((a) => a.ranked.breached).length,
  };
}

/** Whether the filters keep every active request (then the ranked set is the page's input as is). */
function keepsAllActive(filters: QueueFilters, active: readonly RequestStatusId[]): boolean {
  return (
    filters.view === "all" &&
    !filters.tier &&
    !filters.criticality &&
    !filters.category &&
    !filters.q &&
    activeStatuses.every((s) => active.includes(s))
  );
}

/** One page of the requests matching `filters`, in queue order, with their organization. */
async function queuePage(
  db: Kysely<Database>,
  filters: QueueFilters,
  userId: string,
  now: Date,
  activeSet: ActiveSet,
) {
  const wanted = filters.status ?? activeStatuses;
  const active = wanted.filter(isActiveStatus);
  // Nothing is due on a resolved or closed request, so none is ever breached.
  const inactive = filters.breached === true ? [] : wanted.filter((s) => !isActiveStatus(s));
  const window = filters.offset + filters.limit;

  const [activeRanked, inactiveRows, inactiveCount] = await Promise.all([
    active.length === 0
      ? Promise.resolve([])
      : keepsAllActive(filters, active)
        ? Promise.resolve([...activeSet.values()].map((a) => a.ranked))
        : filteredRequests(db, filters, userId)
            .select(keyColumns)
            .where("requests.status", "in", active)
            .execute()
            // A request that became active since the set was read is ranked here.
            .then((rows) => rows.map((row) => activeSet.get(row.id)?.ranked ?? rank(row, now))),
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

  const rankedActive = activeRanked.filter(
    (r) => filters.breached === undefined || r.breached === filters.breached,
  );
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

/** The queue as `userId` sees it at `now`: a page of the matching requests and the sizes of the views. */
export async function loadQueue(db: Kysely<Database>, filters: QueueFilters, userId: string, now: Date) {
  const active = await rankActive(db, now);
  const page = await queuePage(db, filters, userId, now, active);
  return { ...page, counts: queueCounts(active, userId) };
}
