/** Requests as the portal reads them from the API, and what the lists derive from them. */
import type { RequestStatusId } from "@cirrus/domain";
import type { InferResponseType } from "hono/client";
import type { Api } from "./api.ts";

export type RequestPage = InferResponseType<Api["v1"]["requests"]["$get"], 200>;
export type RequestSummary = RequestPage["items"][number];
export type RequestDetail = InferResponseType<Api["v1"]["requests"][":id"]["$get"], 200>;
export type Quote = RequestDetail["quotes"][number];
export type Attachment = RequestDetail["messages"][number]["attachments"][number];

/** The answer a request is waiting for, and by when. */
export interface Due {
  readonly kind: "first-response" | "reply";
  readonly dueAt: string;
  readonly overdue: boolean;
}

/**
 * When an answer is expected: while waiting for the first response, the due time stored when the
 * request was received; while a later customer message waits, the live reply due time.
 * Nothing while support waits on the customer, or once resolved.
 */
export function dueOf(request: Pick<RequestSummary, "sla" | "firstResponseDueAt">): Due | null {
  const { sla } = request;
  if (sla.phase === "first-response" && request.firstResponseDueAt) {
    return { kind: "first-response", dueAt: request.firstResponseDueAt, overdue: sla.breached };
  }
  if (sla.phase === "reply" && sla.dueAt) return { kind: "reply", dueAt: sla.dueAt, overdue: sla.breached };
  return null;
}

/** The status tabs of the requests list, each a set of statuses (all: no filter). */
export const statusTabs = {
  active: ["new", "open", "waiting-on-customer"],
  waiting: ["waiting-on-customer"],
  resolved: ["resolved"],
  closed: ["closed"],
  all: [],
} as const satisfies Record<string, readonly RequestStatusId[]>;

export type StatusTab = keyof typeof statusTabs;

export function isStatusTab(value: string | null): value is StatusTab {
  return value !== null && Object.hasOwn(statusTabs, value);
}

/**
 * Order for the home page: what needs the customer first (waiting on them, then resolved to
 * confirm), then the rest by last update.
 */
export function attentionRank(request: Pick<RequestSummary, "status">): number {
  switch (request.status) {
    case "waiting-on-customer":
      return 0;
    case "resolved":
      return 1;
    default:
      return 2;
  }
}

/** A cursor trail for "previous page": cursors joined by `.` (base64url never contains one). */
export function parseTrail(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(".")
    .filter((c) => /^[A-Za-z0-9_-]{1,500}$/.test(c))
    .slice(0, 50);
}
