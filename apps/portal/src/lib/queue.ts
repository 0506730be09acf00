/**
 * The queue's filters as a shareable URL (`/agent?view=mine&tier=premium…`): reading them from the
 * query string (anything unknown is ignored, never an error) and writing the URL of a changed view.
 */
import {
  type CriticalityId,
  isCriticalityId,
  isRequestCategoryId,
  isRequestStatusId,
  isTierId,
  type RequestCategoryId,
  type RequestStatusId,
  requestStatusIds,
  type TierId,
} from "@cirrus/domain";
import { type QueueQuery, type QueueView, queueViews } from "./agent-api.ts";

/** Requests per page of the queue. */
export const queuePageSize = 50;

/** The status filter: the active statuses (default), one status, or all of them. */
export type QueueStatus = "active" | "all" | RequestStatusId;

/** The tabs of the queue: the API's three views, and "overdue" (all, breached only). */
export type QueueTab = QueueView | "breached";

export interface QueueFilters {
  view: QueueView;
  tier?: TierId | undefined;
  criticality?: CriticalityId | "unclassified" | undefined;
  category?: RequestCategoryId | undefined;
  status: QueueStatus;
  breached: boolean;
  q: string;
  /** 1-based. */
  page: number;
}

/**
 * Filters from the query string.
 * @example parseQueueParams(new URLSearchParams("view=mine&tier=premium")).view // "mine"
 */
export function parseQueueParams(params: URLSearchParams): QueueFilters {
  const view = params.get("view");
  const tier = params.get("tier");
  const criticality = params.get("criticality");
  const category = params.get("category");
  const status = params.get("status");
  const page = Number(params.get("page"));
  return {
    view: (queueViews as readonly string[]).includes(view ?? "") ? (view as QueueView) : "all",
    tier: isTierId(tier) ? tier : undefined,
    criticality: criticality === "unclassified" || isCriticalityId(criticality) ? criticality : undefined,
    category: isRequestCategoryId(category) ? category : undefined,
    status: status === "all" || isRequestStatusId(status) ? status : "active",
    breached: params.get("breached") === "1",
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: Number.isInteger(page) && page >= 1 && page <= 200 ? page : 1,
  };
}

/** The API query for filters. */
export function queueQuery(filters: QueueFilters): QueueQuery {
  return {
    view: filters.view,
    tier: filters.tier,
    criticality: filters.criticality,
    category: filters.category,
    // The API's default is the active statuses; "all" lists every status.
    statuses:
      filters.status === "active"
        ? undefined
        : filters.status === "all"
          ? requestStatusIds
          : [filters.status],
    breached: filters.breached ? true : undefined,
    q: filters.q || undefined,
    limit: queuePageSize,
    offset: (filters.page - 1) * queuePageSize,
  };
}

/** The tab that filters show. */
export function queueTab(filters: Pick<QueueFilters, "view" | "breached">): QueueTab {
  return filters.breached && filters.view === "all" ? "breached" : filters.view;
}

/**
 * The queue URL with some filters changed (any change but the page goes back to page 1).
 * @example queueUrl(filters, { view: "mine" }) // "/agent?view=mine"
 */
export function queueUrl(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const next = { ...filters, ...(change.page === undefined ? { page: 1 } : {}), ...change };
  const params = new URLSearchParams();
  if (next.view !== "all") params.set("view", next.view);
  if (next.tier) params.set("tier", next.tier);
  if (next.criticality) params.set("criticality", next.criticality);
  if (next.category) params.set("category", next.category);
  if (next.status !== "active") params.set("status", next.status);
  if (next.breached) params.set("breached", "1");
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/agent?${query}` : "/agent";
}

/** The URL of a tab, keeping the other filters. */
export function queueTabUrl(filters: QueueFilters, tab: QueueTab): string {
  return tab === "breached"
    ? queueUrl(filters, { view: "all", breached: true })
    : queueUrl(filters, { view: tab, breached: false });
}

/** Whether any filter beyond the tab is set (to offer "clear filters"). */
export function hasQueueFilters(filters: QueueFilters): boolean {
  return Boolean(
    filters.tier || filters.criticality || filters.category || filters.q || filters.status !== "active",
  );
}
