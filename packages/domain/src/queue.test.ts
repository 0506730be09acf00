import { describe, expect, it } from "vitest";
import { compareQueue, type QueueEntry, queueTierRank } from "./queue.ts";

const entry = (
  name: string,
  tier: QueueEntry["tier"],
  criticality: QueueEntry["criticality"],
  dueAt: string | null,
  receivedAt: string,
): QueueEntry & { name: string } => ({
  name,
  tier,
  criticality,
  dueAt: dueAt === null ? null : new Date(dueAt),
  receivedAt: new Date(receivedAt),
});

// The expected queue order, written by hand.
const ordered = [
  entry(
    "premium critical due Mon 11:00",
    "premium",
    "critical",
    "2026-11-30T11:00:00+01:00",
    "2026-11-27T11:00:00+01:00",
  ),
  entry(
    "premium critical due Mon 12:00, older",
    "premium",
    "critical",
    "2026-11-30T12:00:00+01:00",
    "2026-11-20T09:00:00+01:00",
  ),
  entry(
    "premium critical due Mon 12:00, newer",
    "premium",
    "critical",
    "2026-11-30T12:00:00+01:00",
    "2026-11-27T12:00:00+01:00",
  ),
  entry("premium critical nothing due", "premium", "critical", null, "2026-11-01T09:00:00+01:00"),
  entry("premium major", "premium", "major", "2026-11-29T09:00:00+01:00", "2026-11-26T09:00:00+01:00"),
  entry("premium minor", "premium", "minor", "2026-11-28T09:00:00+01:00", "2026-11-25T09:00:00+01:00"),
  entry(
    "premium unclassified, due",
    "premium",
    null,
    "2026-11-27T09:00:00+01:00",
    "2026-11-24T09:00:00+01:00",
  ),
  entry("premium unclassified, nothing due, older", "premium", null, null, "2026-11-02T09:00:00+01:00"),
  entry("premium unclassified, nothing due, newer", "premium", null, null, "2026-11-03T09:00:00+01:00"),
  entry("paying critical", "paying", "critical", "2026-12-05T09:00:00+01:00", "2026-11-30T09:00:00+01:00"),
  entry(
    "paying unclassified, due early",
    "paying",
    null,
    "2026-11-20T09:00:00+01:00",
    "2026-11-18T09:00:00+01:00",
  ),
  entry(
    "paying unclassified, due later",
    "paying",
    null,
    "2026-11-21T09:00:00+01:00",
    "2026-11-10T09:00:00+01:00",
  ),
  entry("free", "free", null, null, "2026-10-01T09:00:00+01:00"),
];

describe("compareQueue", () => {
  it("sorts premium, then criticality, then earliest due time (none last), then oldest", () => {
    // Several deterministic shuffles of the list all sort back to the same order.
    for (const seed of [1, 7, 13, 42, 99]) {
      const shuffled = [...ordered].sort(
        (a, b) => ((a.name.length * seed) % 11) - ((b.name.length * seed) % 11) || (seed % 2 ? 1 : -1),
      );
      expect(shuffled.sort(compareQueue).map((e) => e.name)).toEqual(ordered.map((e) => e.name));
    }
    expect(
      [...ordered]
        .reverse()
        .sort(compareQueue)
        .map((e) => e.name),
    ).toEqual(ordered.map((e) => e.name));
  });

  it("puts premium before paying whatever the criticality and due time", () => {
    const premium = entry("p", "premium", null, null, "2026-11-30T09:00:00+01:00");
    const paying = entry("q", "paying", "critical", "2026-01-01T09:00:00+01:00", "2026-01-01T08:00:00+01:00");
    expect(compareQueue(premium, paying)).toBeLessThan(0);
    expect(compareQueue(paying, premium)).toBeGreaterThan(0);
  });

  it("is 0 for entries equal on every key", () => {
    const a = entry("a", "paying", "minor", "2026-11-30T09:00:00+01:00", "2026-11-27T09:00:00+01:00");
    const b = entry("b", "paying", "minor", "2026-11-30T09:00:00+01:00", "2026-11-27T09:00:00+01:00");
    expect(compareQueue(a, b)).toBe(0);
    const c = entry("c", "paying", "minor", null, "2026-11-27T09:00:00+01:00");
    const d = entry("d", "paying", "minor", null, "2026-11-27T09:00:00+01:00");
    expect(compareQueue(c, d)).toBe(0);
  });

  it("is antisymmetric over the whole list", () => {
    for (const a of ordered) {
      for (const b of ordered) {
        expect(Math.sign(compareQueue(a, b))).toBe(-Math.sign(compareQueue(b, a)) || 0);
      }
    }
  });
});

describe("queueTierRank", () => {
  it("ranks premium first, then paying, then free", () => {
    expect(queueTierRank("premium")).toBe(0);
    expect(queueTierRank("paying")).toBe(1);
    expect(queueTierRank("free")).toBe(2);
  });
});
