import { describe, expect, it } from "vitest";
import { findRequestReference, formatRequestReference, parseRequestReference } from "./reference.ts";

describe("formatRequestReference", () => {
  it.each([
    [1, "CS-000001"],
    [123, "CS-000123"],
    [999_999, "CS-999999"],
    [1_234_567, "CS-1234567"],
  ])("%i → %s", (n, expected) => {
    expect(formatRequestReference(n)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])("rejects %s", (n) => {
    expect(() => formatRequestReference(n)).toThrow(RangeError);
  });
});

describe("parseRequestReference", () => {
  it.each([
    ["CS-000123", 123],
    ["cs-000123", 123],
    ["  CS-000042 ", 42],
    ["CS-1234567", 1_234_567],
    ["CS-123", null],
    ["CS-00012a", null],
    ["[CS-000123]", null],
    ["XCS-000123", null],
    ["CS-000123 extra", null],
    ["", null],
  ])("%j → %s", (text, expected) => {
    expect(parseRequestReference(text)).toBe(expected);
  });

  it("reads back what formatRequestReference writes", () => {
    for (const n of [1, 42, 123_456, 9_876_543])
      expect(parseRequestReference(formatRequestReference(n))).toBe(n);
  });
});

describe("findRequestReference", () => {
  it.each([
    ["Re: [CS-000042] Export", 42],
    ["RE: Fwd: [cs-000042] Export", 42],
    ["Question about CS-000777, thanks", 777],
    ["[CS-000001] and [CS-000002]", 1],
    ["Order XCS-000123", null],
    ["CS-12345 is too short", null],
    ["No reference here", null],
  ])("%j → %s", (text, expected) => {
    expect(findRequestReference(text)).toBe(expected);
  });
});

describe("references that name no request", () => {
  it("parse to null for number 0 and numbers beyond exact integers", () => {
    expect(parseRequestReference("CS-000000")).toBeNull();
    expect(parseRequestReference("CS-99999999999999999999")).toBeNull();
    expect(findRequestReference("Re: [CS-000000] x")).toBeNull();
  });
});
