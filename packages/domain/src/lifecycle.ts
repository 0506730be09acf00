/**
 * The request status machine: new → open (an agent responded) ⇄ waiting-on-customer → resolved →
 * closed, who may make each move, the 30-day reopen window and the 7-day auto-close.
 */
import { DomainError, IllegalTransitionError } from "./errors.ts";
import type { Localized } from "./i18n.ts";

export const requestStatusIds = ["new", "open", "waiting-on-customer", "resolved", "closed"] as const;
export type RequestStatusId = (typeof requestStatusIds)[number];

/** Who moves a request: its customers, staff (agents and admins), or the system's timers. */
export type RequestActor = "customer" | "agent" | "system";

export interface RequestStatus {
  readonly id: RequestStatusId;
  readonly label: Localized;
  readonly description: Localized;
}

/**
 * Every status with its label, in lifecycle order.
 * @example requestStatuses["waiting-on-customer"].label.fr // "En attente de votre réponse"
 */
export const requestStatuses: Readonly<Record<RequestStatusId, RequestStatus>> = {
  new: {
    id: "new",
    label: { fr: "Nouvelle", en: "New" },
    description: {
      fr: "Reçue, en attente d’une première réponse.",
      en: "Received, awaiting a first response.",
    },
  },
  open: {
    id: "open",
    label: { fr: "En cours", en: "Open" },
    description: { fr: "Le support traite la demande.", en: "Support is working on the request." },
  },
  "waiting-on-customer": {
    id: "waiting-on-customer",
    label: { fr: "En attente de votre réponse", en: "Waiting on customer" },
    description: {
      fr: "Le support attend une réponse ou une information du client.",
      en: "Support is waiting for an answer or information from the customer.",
    },
  },
  resolved: {
    id: "resolved",
    label: { fr: "Résolue", en: "Resolved" },
    description: {
      fr: "Une solution a été apportée ; la demande se ferme seule après 7 jours sans réponse.",
      en: "A solution was provided; the request closes by itself after 7 days without a reply.",
    },
  },
  closed: {
    id: "closed",
    label: { fr: "Fermée", en: "Closed" },
    description: {
      fr: "Terminée ; elle peut être rouverte pendant 30 jours.",
      en: "Finished; it can be reopened for 30 days.",
    },
  },
};

/** Days after which a resolved request without a customer reply closes by itself. */
export const autoCloseAfterDays = 7;
/** Days during which a resolved or closed request can be reopened; after that it is final. */
export const reopenWindowDays = 30;
const DAY_MS = 86_400_000;

const transitions: Readonly<
  Record<RequestActor, Readonly<Record<RequestStatusId, readonly RequestStatusId[]>>>
> = {
  customer: {
    new: ["closed"],
    open: ["closed"],
    "waiting-on-customer": ["open", "closed"],
    resolved: ["open", "closed"],
    closed: ["open"],
  },
  agent: {
    new: ["open", "waiting-on-customer", "resolved", "closed"],
    open: ["waiting-on-customer", "resolved", "closed"],
    "waiting-on-customer": ["open", "resolved", "closed"],
    resolved: ["open", "closed"],
    closed: ["open"],
  },
  system: {
    new: [],
    open: [],
    "waiting-on-customer": [],
    resolved: ["closed"],
    closed: [],
  },
};

/** What the state machine needs to know about a request. */
export interface RequestState {
  readonly status: RequestStatusId;
  /** When the request entered its current status. */
  readonly statusChangedAt: Date;
}

/**
 * Whether a value is a request status id.
 * @example isRequestStatusId("resolved") // true
 */
export function isRequestStatusId(value: unknown): value is RequestStatusId {
  return typeof value === "string" && (requestStatusIds as readonly string[]).includes(value);
}

/**
 * Until when a resolved or closed request may be reopened (null for other statuses).
 * @example reopenDeadline({ status: "closed", statusChangedAt: new Date("2026-01-01T00:00:00Z") }) // 2026-01-31T00:00:00Z
 */
export function reopenDeadline(state: RequestState): Date | null {
  if (state.status !== "resolved" && state.status !== "closed") return null;
  return new Date(state.statusChangedAt.getTime() + reopenWindowDays * DAY_MS);
}

/**
 * Whether a request is closed for good (closed more than 30 days ago); a new request may link to it.
 * @example isFinal({ status: "closed", statusChangedAt: new Date("2026-01-01") }, new Date("2026-03-01")) // true
 */
export function isFinal(state: RequestState, now: Date): boolean {
  return (
    state.status === "closed" && now.getTime() > state.statusChangedAt.getTime() + reopenWindowDays * DAY_MS
  );
}

/**
 * When a resolved request closes by itself (null unless resolved).
 * @example autoCloseAt({ status: "resolved", statusChangedAt: new Date("2026-01-01T00:00:00Z") }) // 2026-01-08T00:00:00Z
 */
export function autoCloseAt(state: RequestState): Date | null {
  return state.status === "resolved"
    ? new Date(state.statusChangedAt.getTime() + autoCloseAfterDays * DAY_MS)
    : null;
}

/**
 * The statuses an actor may move a request to now.
 * @example allowedTransitions({ status: "new", statusChangedAt: new Date() }, "customer", new Date()) // ["closed"]
 */
export function allowedTransitions(state: RequestState, actor: RequestActor, now: Date): RequestStatusId[] {
  return transitions[actor][state.status].filter((to) => {
    if (to === "open" && (state.status === "closed" || state.status === "resolved")) {
      return !isFinal(state, now) && now.getTime() <= (reopenDeadline(state)?.getTime() ?? 0);
    }
    if (actor === "system" && to === "closed") return now.getTime() >= (autoCloseAt(state)?.getTime() ?? 0);
    return true;
  });
}

/**
 * Checks a status change; throws `illegal-transition`, or `reopen-window-expired` for a reopen
 * after 30 days. Returns the new status.
 * @example assertTransition({ status: "resolved", statusChangedAt: new Date() }, "open", "customer", new Date()) // "open"
 */
export function assertTransition(
  state: RequestState,
  to: RequestStatusId,
  actor: RequestActor,
  now: Date,
): RequestStatusId {
  if (!transitions[actor][state.status].includes(to)) {
    throw new IllegalTransitionError("request", state.status, to, actor);
  }
  if (!allowedTransitions(state, actor, now).includes(to)) {
    if (to === "open") {
      throw new DomainError("reopen-window-expired", `the request can no longer be reopened`, {
        reopenDeadline: reopenDeadline(state)?.toISOString(),
      });
    }
    throw new IllegalTransitionError("request", state.status, to, actor);
  }
  return to;
}

/**
 * The status after a public message: an agent's first reply opens a new request; a customer's
 * reply puts a waiting or resolved request back to open. A closed request takes no message (it is
 * reopened explicitly first). Internal notes never change the status.
 * @example statusAfterPublicMessage("resolved", "customer") // "open"
 */
export function statusAfterPublicMessage(
  status: RequestStatusId,
  author: Exclude<RequestActor, "system">,
): RequestStatusId {
  if (status === "closed") throw new IllegalTransitionError("request", status, status, author);
  if (author === "agent") return status === "new" ? "open" : status;
  return status === "waiting-on-customer" || status === "resolved" ? "open" : status;
}

/**
 * Whether the request is still being worked on (not resolved or closed).
 * @example isActiveStatus("waiting-on-customer") // true
 */
export function isActiveStatus(status: RequestStatusId): boolean {
  return status !== "resolved" && status !== "closed";
}
