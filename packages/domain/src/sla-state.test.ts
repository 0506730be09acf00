import { describe, expect, it } from "vitest";
import type { RequestStatusId } from "./lifecycle.ts";
import { replyDueAt } from "./sla.ts";
import { isFirstResponseBreached, runningClock, type SlaFacts, slaState } from "./sla-state.ts";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

// Premium request received Monday 30 November 2026 10:00 Paris: first response due Tuesday 10:00.
const dueAt = at("2026-12-01T10:00:00+01:00");
const premiumNew: SlaFacts = {
  tier: "premium",
  status: "new",
  firstResponseDueAt: dueAt,
  firstRespondedAt: null,
  awaitingReplySince: null,
};

describe("slaState — first response", () => {
  it("runs the first-response clock while nobody answered", () => {
    const state = slaState(premiumNew, at("2026-11-30T11:00:00+01:00"));
    expect(state).toEqual({
      phase: "first-response",
      dueAt,
      remainingBusinessMillis: 8 * HOUR, // Monday 11:00–18:00 and Tuesday 09:00–10:00
      breached: false,
      firstResponse: "pending",
    });
  });

  it("counts only business time as remaining (overnight)", () => {
    expect(slaState(premiumNew, at("2026-11-30T23:00:00+01:00")).remainingBusinessMillis).toBe(HOUR);
  });

  it("is not breached exactly at the due time", () => {
    const state = slaState(premiumNew, dueAt);
    expect(state.breached).toBe(false);
    expect(state.firstResponse).toBe("pending");
    expect(state.remainingBusinessMillis).toBe(0);
  });

  it("is breached one millisecond after the due time when still missing", () => {
    const state = slaState(premiumNew, plus(dueAt, 1));
    expect(state.phase).toBe("first-response");
    expect(state.breached).toBe(true);
    expect(state.firstResponse).toBe("breached");
    expect(state.remainingBusinessMillis).toBe(-1);
  });

  it("reports overdue business time as a negative remainder (evenings do not count)", () => {
    expect(slaState(premiumNew, at("2026-12-01T20:00:00+01:00")).remainingBusinessMillis).toBe(-8 * HOUR);
    expect(slaState(premiumNew, at("2026-12-02T10:00:00+01:00")).remainingBusinessMillis).toBe(-9 * HOUR);
  });

  it("stays pending when only an internal note was written (no firstRespondedAt)", () => {
    // An internal note changes neither the status nor firstRespondedAt.
    const state = slaState(
      { ...premiumNew, status: "new", firstRespondedAt: null },
      at("2026-12-01T09:30:00+01:00"),
    );
    expect(state.phase).toBe("first-response");
    expect(state.firstResponse).toBe("pending");
    expect(state.remainingBusinessMillis).toBe(0.5 * HOUR);
  });

  it("is met when answered exactly at the due time, breached when answered 1 ms later", () => {
    const met = slaState(
      { ...premiumNew, status: "open", firstRespondedAt: dueAt },
      at("2026-12-10T10:00:00Z"),
    );
    expect(met.firstResponse).toBe("met");
    const late = slaState(
      { ...premiumNew, status: "open", firstRespondedAt: plus(dueAt, 1) },
      at("2026-12-10T10:00:00Z"),
    );
    expect(late.firstResponse).toBe("breached");
    // Once answered and nothing awaits a reply, no clock runs.
    expect(late.phase).toBe("none");
    expect(late.dueAt).toBeNull();
    expect(late.breached).toBe(false);
  });
});

describe("slaState — replies, pauses and finished requests", () => {
  const answered: SlaFacts = {
    ...premiumNew,
    status: "open",
    firstRespondedAt: at("2026-11-30T15:00:00+01:00"),
  };

  it("runs a reply clock from the customer's unanswered message (same target as the first response)", () => {
    const since = at("2026-12-02T11:00:00+01:00"); // Wednesday
    const premium = slaState({ ...answered, awaitingReplySince: since }, at("2026-12-02T12:00:00+01:00"));
    expect(premium.phase).toBe("reply");
    expect(premium.dueAt?.toISOString()).toBe(at("2026-12-03T11:00:00+01:00").toISOString());
    expect(premium.remainingBusinessMillis).toBe(8 * HOUR);
    expect(premium.firstResponse).toBe("met");

    const paying = slaState(
      { ...answered, tier: "paying", awaitingReplySince: since },
      at("2026-12-02T12:00:00+01:00"),
    );
    expect(paying.dueAt?.toISOString()).toBe(at("2026-12-04T11:00:00+01:00").toISOString());
  });

  it("breaches the reply clock only after its due time", () => {
    const facts: SlaFacts = { ...answered, awaitingReplySince: at("2026-12-02T11:00:00+01:00") };
    const due = at("2026-12-03T11:00:00+01:00");
    expect(slaState(facts, due).breached).toBe(false);
    expect(slaState(facts, plus(due, 1)).breached).toBe(true);
    // The published first-response SLA is unaffected by a late reply.
    expect(slaState(facts, plus(due, 1)).firstResponse).toBe("met");
  });

  it("pauses while waiting on the customer", () => {
    for (const firstRespondedAt of [null, answered.firstRespondedAt]) {
      const state = slaState(
        { ...premiumNew, status: "waiting-on-customer", firstRespondedAt },
        at("2026-11-30T16:00:00+01:00"),
      );
      expect(state.phase).toBe("paused");
      expect(state.dueAt).toBeNull();
      expect(state.remainingBusinessMillis).toBeNull();
      expect(state.breached).toBe(false);
    }
  });

  it.each<RequestStatusId>(["resolved", "closed"])("runs no clock once %s", (status) => {
    const state = slaState(
      { ...answered, status, awaitingReplySince: at("2026-12-02T11:00:00+01:00") },
      at("2026-12-20T12:00:00+01:00"),
    );
    expect(state).toEqual({
      phase: "none",
      dueAt: null,
      remainingBusinessMillis: null,
      breached: false,
      firstResponse: "met",
    });
  });

  it("runs no clock for the free tier", () => {
    const state = slaState(
      {
        tier: "free",
        status: "new",
        firstResponseDueAt: null,
        firstRespondedAt: null,
        awaitingReplySince: null,
      },
      at("2026-12-20T12:00:00+01:00"),
    );
    expect(state).toEqual({
      phase: "none",
      dueAt: null,
      remainingBusinessMillis: null,
      breached: false,
      firstResponse: "none",
    });
  });
});

describe("isFirstResponseBreached", () => {
  const now = at("2026-12-05T12:00:00Z");
  it.each([
    ["no SLA", null, null, now, false],
    ["answered before the due time", dueAt, plus(dueAt, -1), now, false],
    ["answered exactly at the due time", dueAt, dueAt, now, false],
    ["answered 1 ms late", dueAt, plus(dueAt, 1), now, true],
    ["missing, due time not reached", dueAt, null, plus(dueAt, -1), false],
    ["missing, exactly at the due time", dueAt, null, dueAt, false],
    ["missing 1 ms after the due time", dueAt, null, plus(dueAt, 1), true],
  ])("%s → %s", (_label, due, responded, when, expected) => {
    expect(isFirstResponseBreached(due, responded, when)).toBe(expected);
  });
});

describe("runningClock — the due time a queue sorts by", () => {
  const answered = at("2026-11-30T11:00:00+01:00");
  const wroteAgain = at("2026-11-30T15:00:00+01:00");

  it.each<[string, Partial<SlaFacts>, ReturnType<typeof runningClock>]>([
    ["unanswered: the first response", {}, { phase: "first-response", dueAt }],
    ["answered, nothing new: none", { firstRespondedAt: answered }, { phase: "none", dueAt: null }],
    [
      "answered, the customer wrote again: the reply",
      { status: "open", firstRespondedAt: answered, awaitingReplySince: wroteAgain },
      { phase: "reply", dueAt: replyDueAt("premium", wroteAgain) },
    ],
    ["waiting on the customer: paused", { status: "waiting-on-customer" }, { phase: "paused", dueAt: null }],
    ["resolved: none", { status: "resolved" }, { phase: "none", dueAt: null }],
    ["closed: none", { status: "closed" }, { phase: "none", dueAt: null }],
    ["a tier without SLA: none", { tier: "free", firstResponseDueAt: null }, { phase: "none", dueAt: null }],
  ])("%s", (_, facts, expected) => {
    expect(runningClock({ ...premiumNew, ...facts })).toEqual(expected);
  });

  it("is the live state's clock at any time (the state only adds what depends on now)", () => {
    const statuses: RequestStatusId[] = ["new", "open", "waiting-on-customer", "resolved", "closed"];
    for (const status of statuses) {
      for (const facts of [
        { ...premiumNew, status },
        { ...premiumNew, status, firstRespondedAt: answered, awaitingReplySince: wroteAgain },
      ]) {
        for (const now of [answered, dueAt, plus(dueAt, 30 * 24 * HOUR)]) {
          const state = slaState(facts, now);
          expect(runningClock(facts)).toEqual({ phase: state.phase, dueAt: state.dueAt });
        }
      }
    }
  });
});
