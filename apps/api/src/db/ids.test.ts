// Ids are 32 lowercase base32 characters of fresh randomness; timestamps are ISO-8601 UTC text.
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

  it("uses every symbol of the alphabet (the bit packing does not lose bits)", () => {
    const seen = new Set(Array.from({ length: 200 }, newId).join(""));
    expect(seen.size).toBe(32);
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
