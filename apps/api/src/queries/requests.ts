/** Reading requests: lookup by id or reference, live SLA, the customer's list with cursor paging, summaries, quotes. */
import {
  effectiveQuoteStatus,
  formatRequestReference,
  isActiveStatus,
  parseRequestReference,
  type RequestCategoryId,
  type RequestStatusId,
  requestStatusIds,
  runningClock,
  slaState,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { Database, Quote, SupportRequest } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { contains } from "./contains.ts";

/** The largest request number the `integer` column holds (PostgreSQL's int4). */
export const maxRequestNumber = 2_147_483_647;

/** The statuses of requests still being worked on (not resolved or closed). */
export const activeStatuses = requestStatusIds.filter(isActiveStatus);

/**
 * A request by id or reference (`CS-000123`), optionally limited to one organization; a request of
 * another organization is "not found" (never "forbidden", which would confirm it exists).
 */
export async function findRequest(
  db: Kysely<Database>,
  idOrReference: string,
  organizationId: string | null,
): Promise<SupportRequest> {
  const number = parseRequestReference(idOrReference);
  // `CS-99999999999` is well-formed but beyond the `integer` column: PostgreSQL would fail the
  // query (a 500); no request has that number, so it is simply not found.
  if (number !== null && number > maxRequestNumber) throw new Problem("not-found");
  let query = db.selectFrom("requests").selectAll();
  query = number !== null ? query.where("number", "=", number) : query.where("id", "=", idOrReference);
  if (organizationId !== null) query = query.where("organizationId", "=", organizationId);
  const request = await query.executeTakeFirst();
  if (!request) throw new Problem("not-found");
  return request;
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The stored facts the live SLA is derived from. */
export type SlaColumns = Pick<
  SupportRequest,
  "tier" | "status" | "firstResponseDueAt" | "firstRespondedAt" | "awaitingReplySince"
>;

/** The stored facts as the domain takes them. */
function slaFacts(request: SlaColumns) {
  return {
    tier: request.tier,
    status: request.status,
    firstResponseDueAt: date(request.firstResponseDueAt),
    firstRespondedAt: date(request.firstRespondedAt),
    awaitingReplySince: date(request.awaitingReplySince),
  };
}

/**
 * The `runningDueAt` column of a request with these facts: the domain's running clock, stored so
 * that the queue sorts and counts in SQL. Every write that changes one of the facts sets it too.
 */
export function runningDueAt(request: SlaColumns): string | null {
  return runningClock(slaFacts(request)).dueAt?.toISOString() ?? null;
}

/** The SLA state of a stored request at `now` (from the domain; the state itself is never stored). */
export function slaOf(request: SlaColumns, now: Date) {
  const state = slaState(slaFacts(request), now);
  return { ...state, dueAt: state.dueAt?.toISOString() ?? null };
}

/** A request as lists show it. */
export function presentSummary(request: SupportRequest & { openedByName?: string | null }, now: Date) {
  return {
    id: request.id,
    reference: formatRequestReference(request.number),
    subject: request.subject,
    category: request.category,
    criticality: request.criticality,
    tier: request.tier,
    status: request.status,
    channel: request.channel,
    receivedAt: request.receivedAt,
    updatedAt: request.updatedAt,
    statusChangedAt: request.statusChangedAt,
    firstResponseDueAt: request.firstResponseDueAt,
    firstRespondedAt: request.firstRespondedAt,
    openedBy: { id: request.openedBy, name: request.openedByName ?? null },
    assigneeId: request.assigneeId,
    sla: slaOf(request, now),
  };
}

export interface ListFilters {
  status?: RequestStatusId[];
  category?: RequestCategoryId;
  q?: string;
  sort: "updated" | "newest" | "oldest";
  limit: number;
  cursor?: string;
}

interface Cursor {
  v: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const { v, id } = parsed as Cursor;
    if (typeof v === "string" && typeof id === "string") return { v, id };
  } catch {
    // fall through to the problem below
  }
  throw new Problem("validation-failed", {
    extra: { errors: [{ field: "cursor", code: "invalid", message: "Invalid cursor." }] },
  });
}

/**
 * One page of an organization's requests (all its users see all of them), newest activity first by
 * default, with an opaque cursor for the next page.
 */
export async function listOrganizationRequests(
  db: Kysely<Database>,
  organizationId: string,
  filters: ListFilters,
  now: Date,
) {
  const column = filters.sort === "updated" ? "requests.updatedAt" : "requests.receivedAt";
  const direction = filters.sort === "oldest" ? "asc" : "desc";
  let query = db
    .selectFrom("requests")
    .leftJoin("users", "users.id", "requests.openedBy")
    .selectAll("requests")
    .select("users.name as openedByName")
    .where("requests.organizationId", "=", organizationId);
  if (filters.status?.length) query = query.where("requests.status", "in", filters.status);
  if (filters.category) query = query.where("requests.category", "=", filters.category);
  const q = filters.q;
  if (q) {
    query = query.where((eb) =>
      eb.or([
        contains("requests.subject", q),
        eb.exists(
          eb
            .selectFrom("messages")
            .select("messages.id")
            .whereRef("messages.requestId", "=", "requests.id")
            .where("messages.visibility", "=", "public")
            .where(contains("messages.body", q)),
        ),
      ]),
    );
  }
  if (filters.cursor) {
    const { v, id } = decodeCursor(filters.cursor);
    const op = direction === "desc" ? "<" : ">";
    query = query.where((eb) =>
      eb.or([eb(column, op, v), eb.and([eb(column, "=", v), eb("requests.id", op, id)])]),
    );
  }
  const rows = await query
    .orderBy(column, direction)
    .orderBy("requests.id", direction)
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > filters.limit && last
      ? encodeCursor({ v: filters.sort === "updated" ? last.updatedAt : last.receivedAt, id: last.id })
      : null;
  return { items: page.map((r) => presentSummary(r, now)), nextCursor };
}

/** A quote as the API shows it, with its status as seen now (a lapsed proposal reads "expired"). */
export function presentQuote(quote: Quote, now: Date) {
  return {
    id: quote.id,
    status: effectiveQuoteStatus(quote, now),
    amountCents: quote.amountCents,
    effortDays: quote.effortDays,
    validUntil: quote.validUntil,
    terms: quote.terms,
    proposedAt: quote.proposedAt,
    decidedAt: quote.decidedAt,
  };
}
