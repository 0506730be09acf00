// Ids are 32 lowercase base32 characters, time first then randomness; timestamps are ISO-8601 UTC text.
import { describe, expect, it } from "vitest";
import { newId, nowIso } from "./ids.ts";

describe("newId", () => {
  it("is 32 characters of lowercase base32 (160 bits)", () => {
    for (let i = 0; i < 100; i++) expect(newId()).toMatch(/^[a-z2-7]{32}$/);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, newId));
    expect(ids.size).toBe(10_000);
  });

  it("uses every symbol of the alphabet in its random part (the bit packing does not lose bits)", () => {
    const seen = new Set(Array.from({ length: 200 }, () => newId().slice(10)).join(""));
    expect(seen.size).toBe(32);
  });

  it("sorts by creation time, whatever the random part", () => {
    const times = [0, 1, 31, 32, 1_000, Date.UTC(2026, 10, 26), Date.UTC(2026, 10, 26) + 1, 2 ** 47];
    const ids = times.map((t) => newId(t));
    expect([...ids].sort()).toEqual(ids);
    // The same millisecond shares the prefix; the rest differs.
    const [a, b] = [newId(5_000), newId(5_000)];
    expect(a.slice(0, 10)).toBe(b.slice(0, 10));
    expect(a).not.toBe(b);
  });
});

describe("nowIso", () => {
  it("formats a date as ISO-8601 UTC with milliseconds", () => {
    expect(nowIso(new Date(Date.UTC(2026, 10, 26, 9, 0, 0, 5)))).toBe("2026-11-26T09:00:00.005Z");
  });

  it("defaults to now", () => {
    const before = Date.now();
    const at = Date.parse(nowIso());
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
