/**
 * The live SLA state of a request: which target is running (first response, or the reply to a
 * customer's later message), paused while waiting on the customer, remaining business time and
 * breach. Derived from stored facts, never stored itself.
 */
import { businessMillisBetween } from "./business-time.ts";
import { type BusinessCalendar, parisBusinessCalendar } from "./calendar.ts";
import type { RequestStatusId } from "./lifecycle.ts";
import { replyDueAt } from "./sla.ts";
import type { TierId } from "./tiers.ts";

/** Which clock is running: nothing is due while waiting on the customer ("paused"). */
export type SlaPhase = "first-response" | "reply" | "paused" | "none";

export interface SlaFacts {
  /** Tier fixed when the request was received. */
  readonly tier: TierId;
  readonly status: RequestStatusId;
  /** Stored at receipt; null for a tier without SLA. */
  readonly firstResponseDueAt: Date | null;
  /** Time of the first public agent reply. */
  readonly firstRespondedAt: Date | null;
  /** Earliest public customer message not yet followed by a public agent reply (after the first response). */
  readonly awaitingReplySince: Date | null;
}

export interface SlaState {
  readonly phase: SlaPhase;
  /** Due time of the running clock (null when paused or nothing is due). */
  readonly dueAt: Date | null;
  /** Business time left until `dueAt` (negative once overdue: business time since). */
  readonly remainingBusinessMillis: number | null;
  /** The running clock is past its due time. */
  readonly breached: boolean;
  /** The published first-response SLA: met, breached (late or still missing after due), or pending. */
  readonly firstResponse: "met" | "breached" | "pending" | "none";
}

/**
 * Whether a first response was (or is) late: responded after the due time, or still missing after it.
 * @example isFirstResponseBreached(new Date("2026-01-05T17:00:00Z"), null, new Date("2026-01-06T09:00:00Z")) // true
 */
export function isFirstResponseBreached(dueAt: Date | null, respondedAt: Date | null, now: Date): boolean {
  if (!dueAt) return false;
  return (respondedAt ?? now).getTime() > dueAt.getTime();
}

/**
 * Which clock runs and when it is due. It depends on the stored facts only, not on the time of
 * asking: a queue ranks thousands of requests by it without the business-time arithmetic of the
 * remaining time (only breached-or-not, `now > dueAt`, is needed there).
 * @example runningClock({ tier: "premium", status: "new", firstResponseDueAt: due, firstRespondedAt: null, awaitingReplySince: null }) // { phase: "first-response", dueAt: due }
 */
export function runningClock(
  facts: SlaFacts,
  calendar: BusinessCalendar = parisBusinessCalendar,
): { readonly phase: SlaPhase; readonly dueAt: Date | null } {
  if (!facts.firstResponseDueAt || facts.status === "resolved" || facts.status === "closed") {
    return { phase: "none", dueAt: null };
  }
  if (facts.status === "waiting-on-customer") return { phase: "paused", dueAt: null };
  if (!facts.firstRespondedAt) return { phase: "first-response", dueAt: facts.firstResponseDueAt };
  if (facts.awaitingReplySince) {
    return { phase: "reply", dueAt: replyDueAt(facts.tier, facts.awaitingReplySince, calendar) };
  }
  return { phase: "none", dueAt: null };
}

/**
 * The SLA state of a request at `now`.
 * @example slaState({ tier: "premium", status: "waiting-on-customer", … }, now).phase // "paused"
 */
export function slaState(
  facts: SlaFacts,
  now: Date,
  calendar: BusinessCalendar = parisBusinessCalendar,
): SlaState {
  const firstResponse: SlaState["firstResponse"] = !facts.firstResponseDueAt
    ? "none"
    : isFirstResponseBreached(facts.firstResponseDueAt, facts.firstRespondedAt, now)
      ? "breached"
      : facts.firstRespondedAt
        ? "met"
        : "pending";

  const { phase, dueAt } = runningClock(facts, calendar);
  if (!dueAt) return { phase, dueAt, remainingBusinessMillis: null, breached: false, firstResponse };
  // `0 - x`, not `-x`: exactly at the due time the remainder is 0, not -0 (which formats as "-0").
  const remainingBusinessMillis =
    now < dueAt
      ? businessMillisBetween(now, dueAt, calendar)
      : 0 - businessMillisBetween(dueAt, now, calendar);
  return { phase, dueAt, remainingBusinessMillis, breached: now > dueAt, firstResponse };
}
