import { describe, expect, it } from "vitest";
import { DomainError, IllegalTransitionError } from "./errors.ts";
import {
  allowedTransitions,
  assertTransition,
  autoCloseAfterDays,
  autoCloseAt,
  isActiveStatus,
  isFinal,
  isRequestStatusId,
  type RequestActor,
  type RequestStatusId,
  reopenDeadline,
  reopenWindowDays,
  requestStatuses,
  requestStatusIds,
  statusAfterPublicMessage,
} from "./lifecycle.ts";

const DAY = 86_400_000;
const changedAt = new Date("2026-03-02T10:00:00+01:00");
const laterBy = (ms: number) => new Date(changedAt.getTime() + ms);
const state = (status: RequestStatusId) => ({ status, statusChangedAt: changedAt });

/** The moves each actor may make (inside the reopen window, after the auto-close delay). */
const allowed: Record<RequestActor, Record<RequestStatusId, RequestStatusId[]>> = {
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

const actors: RequestActor[] = ["customer", "agent", "system"];
const matrix = actors.flatMap((actor) =>
  requestStatusIds.flatMap((from) =>
    requestStatusIds.map((to) => [actor, from, to, allowed[actor][from].includes(to)] as const),
  ),
);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("request statuses", () => {
  it("lists the lifecycle in order, with labels in both languages", () => {
    expect(requestStatusIds).toEqual(["new", "open", "waiting-on-customer", "resolved", "closed"]);
    for (const id of requestStatusIds) {
      expect(requestStatuses[id].id).toBe(id);
      expect(requestStatuses[id].label.fr).not.toBe("");
      expect(requestStatuses[id].label.en).not.toBe("");
      expect(requestStatuses[id].description.fr).not.toBe("");
      expect(requestStatuses[id].description.en).not.toBe("");
    }
    expect(requestStatuses["waiting-on-customer"].label.fr).toBe("En attente de votre réponse");
  });

  it("states the 7-day auto-close and the 30-day reopen window", () => {
    expect(autoCloseAfterDays).toBe(7);
    expect(reopenWindowDays).toBe(30);
    expect(requestStatuses.resolved.description.fr).toContain("7 jours");
    expect(requestStatuses.resolved.description.en).toContain("7 days");
    expect(requestStatuses.closed.description.fr).toContain("30 jours");
    expect(requestStatuses.closed.description.en).toContain("30 days");
  });

  it("recognises status ids only", () => {
    for (const id of requestStatusIds) expect(isRequestStatusId(id)).toBe(true);
    expect(isRequestStatusId("pending")).toBe(false);
    expect(isRequestStatusId(3)).toBe(false);
  });

  it.each<[RequestStatusId, boolean]>([
    ["new", true],
    ["open", true],
    ["waiting-on-customer", true],
    ["resolved", false],
    ["closed", false],
  ])("isActiveStatus(%s) → %s", (status, expected) => {
    expect(isActiveStatus(status)).toBe(expected);
  });
});

describe("transitions per actor", () => {
  const now = laterBy(8 * DAY); // inside the reopen window, past the auto-close delay

  it.each(actors.flatMap((actor) => requestStatusIds.map((from) => [actor, from] as const)))(
    "allowedTransitions: %s from %s",
    (actor, from) => {
      expect(allowedTransitions(state(from), actor, now)).toEqual(allowed[actor][from]);
    },
  );

  it.each(matrix)("assertTransition: %s %s → %s allowed: %s", (actor, from, to, ok) => {
    if (ok) {
      expect(assertTransition(state(from), to, actor, now)).toBe(to);
      return;
    }
    const error = thrown(() => assertTransition(state(from), to, actor, now));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as IllegalTransitionError).code).toBe("illegal-transition");
    expect((error as IllegalTransitionError).details).toEqual({ machine: "request", from, to, actor });
  });
});

describe("reopen window (30 days)", () => {
  it.each<[RequestStatusId, RequestActor]>([
    ["closed", "customer"],
    ["closed", "agent"],
    ["resolved", "customer"],
    ["resolved", "agent"],
  ])("%s request reopened by %s: allowed until 30 days, refused 1 ms later", (status, actor) => {
    expect(assertTransition(state(status), "open", actor, laterBy(30 * DAY))).toBe("open");
    const error = thrown(() => assertTransition(state(status), "open", actor, laterBy(30 * DAY + 1)));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("reopen-window-expired");
    expect((error as DomainError).details).toEqual({ reopenDeadline: laterBy(30 * DAY).toISOString() });
    expect(allowedTransitions(state(status), actor, laterBy(30 * DAY + 1))).not.toContain("open");
  });

  it("still lets a customer close a resolved request after the window", () => {
    expect(assertTransition(state("resolved"), "closed", "customer", laterBy(40 * DAY))).toBe("closed");
  });

  it("gives the deadline of resolved and closed requests only", () => {
    expect(reopenDeadline(state("closed"))?.toISOString()).toBe(laterBy(30 * DAY).toISOString());
    // Days are 24 h of elapsed time: across the spring DST change, 10:00 CET + 30 days is 11:00 CEST.
    expect(reopenDeadline(state("resolved"))?.toISOString()).toBe(
      new Date("2026-04-01T11:00:00+02:00").toISOString(),
    );
    for (const status of ["new", "open", "waiting-on-customer"] as const) {
      expect(reopenDeadline(state(status))).toBeNull();
    }
  });

  it("makes a request closed for more than 30 days final", () => {
    expect(isFinal(state("closed"), laterBy(30 * DAY))).toBe(false);
    expect(isFinal(state("closed"), laterBy(30 * DAY + 1))).toBe(true);
    expect(isFinal(state("closed"), laterBy(DAY))).toBe(false);
    for (const status of ["new", "open", "waiting-on-customer", "resolved"] as const) {
      expect(isFinal(state(status), laterBy(365 * DAY))).toBe(false);
    }
  });
});

describe("auto-close (7 days)", () => {
  it("closes a resolved request 7 days after it was resolved", () => {
    expect(autoCloseAt(state("resolved"))?.toISOString()).toBe(laterBy(7 * DAY).toISOString());
    for (const status of ["new", "open", "waiting-on-customer", "closed"] as const) {
      expect(autoCloseAt(state(status))).toBeNull();
    }
  });

  it("lets the system close it at the deadline, not before", () => {
    expect(allowedTransitions(state("resolved"), "system", laterBy(7 * DAY - 1))).toEqual([]);
    const early = thrown(() => assertTransition(state("resolved"), "closed", "system", laterBy(7 * DAY - 1)));
    expect(early).toBeInstanceOf(IllegalTransitionError);
    expect((early as DomainError).code).toBe("illegal-transition");
    expect(assertTransition(state("resolved"), "closed", "system", laterBy(7 * DAY))).toBe("closed");
  });
});

describe("statusAfterPublicMessage", () => {
  it.each<[RequestStatusId, "customer" | "agent", RequestStatusId]>([
    ["new", "agent", "open"],
    ["open", "agent", "open"],
    ["waiting-on-customer", "agent", "waiting-on-customer"],
    ["resolved", "agent", "resolved"],
    ["new", "customer", "new"],
    ["open", "customer", "open"],
    ["waiting-on-customer", "customer", "open"],
    ["resolved", "customer", "open"],
  ])("%s + %s message → %s", (status, author, expected) => {
    expect(statusAfterPublicMessage(status, author)).toBe(expected);
  });

  it.each<"customer" | "agent">(["customer", "agent"])(
    "refuses a %s message on a closed request",
    (author) => {
      const error = thrown(() => statusAfterPublicMessage("closed", author));
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect((error as DomainError).code).toBe("illegal-transition");
    },
  );
});
