/**
 * The agent console's API calls (`/v1/agent/…`), typed by the API's contract: the queue, a request
 * with its internal notes, replies and notes, assignment, status, criticality, quotes, staff list,
 * the dashboard and the canned replies. Reads throw `ApiError` (the page shows its error); writes
 * return `attempt` results for forms. The dashboard and canned-reply reads answer null on a 404: an
 * API older than the portal lacks them, and the pages then say "not available yet".
 */
import type { CriticalityId, Locale, RequestCategoryId, RequestStatusId, TierId } from "@cirrus/domain";
import type { InferResponseType } from "hono/client";
import { type Api, ApiError, attempt, ok } from "./api.ts";

type AgentApi = Api["v1"]["agent"];
export type QueuePage = InferResponseType<AgentApi["queue"]["$get"], 200>;
export type QueueItem = QueuePage["items"][number];
export type QueueCounts = QueuePage["counts"];
export type AgentRequest = InferResponseType<AgentApi["requests"][":id"]["$get"], 200>;
export type AgentMessage = AgentRequest["messages"][number];
export type StaffMember = InferResponseType<AgentApi["staff"]["$get"], 200>["items"][number];
export type Dashboard = InferResponseType<AgentApi["dashboard"]["$get"], 200>;
export type CannedReply = InferResponseType<AgentApi["canned-replies"]["$get"], 200>["items"][number];
export type Mailbox = InferResponseType<AgentApi["mailbox"]["$get"], 200>;

/** The dashboard's windows, in days. */
export const dashboardWindows = [30, 90] as const;
export type DashboardWindow = (typeof dashboardWindows)[number];

/** Limits of a canned reply (the API's: title 1–120 characters on one line, text 1–5,000). */
export const cannedReplyLimits = { title: 120, body: 5000 } as const;

export interface CannedReplyInput {
  title: string;
  body: string;
  locale: Locale;
}

/** A read that answers null when the API does not have the route (404). */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

/** The queue's views (the API counts each over every active request). */
export const queueViews = ["all", "mine", "unassigned"] as const;
export type QueueView = (typeof queueViews)[number];

/** Filters of the queue, as the page reads them from its URL. */
export interface QueueQuery {
  view: QueueView;
  tier?: TierId | undefined;
  criticality?: CriticalityId | "unclassified" | undefined;
  category?: RequestCategoryId | undefined;
  statuses?: readonly RequestStatusId[] | undefined;
  breached?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface AgentMessageInput {
  body: string;
  visibility: "public" | "internal";
  status?: RequestStatusId | undefined;
  reason?: string | undefined;
  /** Pending uploads to attach (lib/uploads.ts). */
  attachmentIds?: readonly string[] | undefined;
}

export interface QuoteProposalInput {
  amountCents: number;
  effortDays: number;
  validUntil: string;
  terms: string;
}

/**
 * The agent calls over the typed client.
 * @example const queue = await agentCalls(api(caller).v1).queue({ view: "mine", limit: 50, offset: 0 })
 */
export function agentCalls(v1: Api["v1"]) {
  const agent = v1.agent;
  const request = agent.requests[":id"];
  const canned = agent["canned-replies"];
  return {
    queue: async (query: QueueQuery) =>
      ok(
        await agent.queue.$get({
          query: {
            view: query.view,
            ...(query.tier ? { tier: query.tier } : {}),
            ...(query.criticality ? { criticality: query.criticality } : {}),
            ...(query.category ? { category: query.category } : {}),
            ...(query.statuses?.length ? { status: query.statuses.join(",") } : {}),
            ...(query.breached !== undefined ? { breached: query.breached ? "true" : "false" } : {}),
            ...(query.q ? { q: query.q } : {}),
            limit: String(query.limit),
            offset: String(query.offset),
          },
        }),
      ),
    /** One request (any organization), or null when there is none with this id or reference. */
    request: async (id: string): Promise<AgentRequest | null> => {
      try {
        return await ok(await request.$get({ param: { id } }));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
    staff: async () => (await ok(await agent.staff.$get())).items,
    addMessage: (id: string, input: AgentMessageInput) =>
      attempt(() =>
        request.messages.$post({
          param: { id },
          json: {
            body: input.body,
            visibility: input.visibility,
            ...(input.status ? { status: input.status } : {}),
            ...(input.reason ? { reason: input.reason } : {}),
            ...(input.attachmentIds?.length ? { attachmentIds: [...input.attachmentIds] } : {}),
          },
        }),
      ),
    assign: (id: string, assigneeId: string | null) =>
      attempt(() => request.assign.$post({ param: { id }, json: { assigneeId } })),
    changeStatus: (id: string, status: RequestStatusId, reason: string) =>
      attempt(() => request.status.$post({ param: { id }, json: { status, reason } })),
    changeCriticality: (id: string, criticality: CriticalityId | null, reason: string) =>
      attempt(() => request.criticality.$post({ param: { id }, json: { criticality, reason } })),
    proposeQuote: (id: string, proposal: QuoteProposalInput) =>
      attempt(() => request.quotes.$post({ param: { id }, json: proposal })),
    withdrawQuote: (id: string, quoteId: string) =>
      attempt(() => request.quotes[":quoteId"].withdraw.$post({ param: { id, quoteId } })),

    dashboard: (days: DashboardWindow) =>
      orNull(async () => ok(await agent.dashboard.$get({ query: { days: String(days) as "30" | "90" } }))),

    cannedReplies: () => orNull(async () => (await ok(await canned.$get())).items),
    createCannedReply: (input: CannedReplyInput) => attempt(() => canned.$post({ json: input })),
    updateCannedReply: (id: string, changes: Partial<CannedReplyInput>) =>
      attempt(() => canned[":id"].$patch({ param: { id }, json: changes })),
    deleteCannedReply: (id: string) => attempt(() => canned[":id"].$delete({ param: { id } })),

    /** The development mailbox (the outbox as queued); null in production, where the API has none. */
    mailbox: (page: { limit: number; offset: number }) =>
      orNull(async () =>
        ok(await agent.mailbox.$get({ query: { limit: String(page.limit), offset: String(page.offset) } })),
      ),
  };
}
