// Unit tests of lib/requests.ts.
import { describe, expect, it } from "vitest";
import { attentionRank, dueOf, isStatusTab, parseTrail } from "./requests.ts";

const sla = (over: object) => ({
  phase: "none" as const,
  dueAt: null,
  remainingBusinessMillis: null,
  breached: false,
  firstResponse: "none" as const,
  ...over,
});

describe("dueOf", () => {
  it("uses the stored first-response due time while waiting for the first response", () => {
    const due = dueOf({
      firstResponseDueAt: "2026-11-27T16:00:00.000Z",
      sla: sla({ phase: "first-response", dueAt: "2026-11-27T16:00:00.000Z", firstResponse: "pending" }),
    });
    expect(due).toEqual({ kind: "first-response", dueAt: "2026-11-27T16:00:00.000Z", overdue: false });
  });

  it("shows the reply due time after the first response", () => {
    expect(
      dueOf({
        firstResponseDueAt: "x",
        sla: sla({ phase: "reply", dueAt: "2026-12-01T10:00:00.000Z", breached: true }),
      }),
    ).toEqual({
      kind: "reply",
      dueAt: "2026-12-01T10:00:00.000Z",
      overdue: true,
    });
  });

  it("shows nothing while paused or without SLA", () => {
    expect(dueOf({ firstResponseDueAt: "x", sla: sla({ phase: "paused" }) })).toBeNull();
    expect(dueOf({ firstResponseDueAt: null, sla: sla({}) })).toBeNull();
  });
});

describe("lists", () => {
  it("puts what waits on the customer first", () => {
    expect(
      ["open", "resolved", "waiting-on-customer"].sort(
        (a, b) => attentionRank({ status: a as never }) - attentionRank({ status: b as never }),
      ),
    ).toEqual(["waiting-on-customer", "resolved", "open"]);
  });

  it("accepts only known tabs and well-formed cursors", () => {
    expect(isStatusTab("active")).toBe(true);
    expect(isStatusTab("toString")).toBe(false);
    expect(parseTrail("abc.d-_e.<bad>")).toEqual(["abc", "d-_e"]);
  });
});
