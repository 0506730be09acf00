import { describe, expect, it } from "vitest";
import { assertValidAddOns, entitlements, purchasableAddOns } from "./entitlements.ts";
import { DomainError } from "./errors.ts";
import type { Availability, SupportOptionId } from "./options.ts";
import type { TierId } from "./tiers.ts";

/** DESIGN §2 table, one column per tier. */
const table: Record<TierId, Record<SupportOptionId, Availability>> = {
  free: {
    "online-help": "included",
    "email-support": "no",
    "end-user-support": "no",
    "support-hours": "no",
    "environment-administration": "no",
    "developer-support": "no",
    "priority-support": "no",
    "custom-development": "no",
  },
  paying: {
    "online-help": "included",
    "email-support": "included",
    "end-user-support": "included",
    "support-hours": "included",
    "environment-administration": "add-on",
    "developer-support": "add-on",
    "priority-support": "no",
    "custom-development": "quote",
  },
  premium: {
    "online-help": "included",
    "email-support": "included",
    "end-user-support": "included",
    "support-hours": "included",
    "environment-administration": "included",
    "developer-support": "included",
    "priority-support": "included",
    "custom-development": "quote",
  },
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("entitlements", () => {
  it.each<TierId>(["free", "paying", "premium"])("%s without add-ons is the tier's column", (tier) => {
    expect(entitlements(tier)).toEqual(table[tier]);
    expect(entitlements(tier, [])).toEqual(table[tier]);
  });

  it.each<[string, SupportOptionId[], Partial<Record<SupportOptionId, Availability>>]>([
    ["developer support bought", ["developer-support"], { "developer-support": "included" }],
    [
      "environment administration bought",
      ["environment-administration"],
      { "environment-administration": "included" },
    ],
    [
      "both add-ons bought",
      ["environment-administration", "developer-support"],
      { "environment-administration": "included", "developer-support": "included" },
    ],
    ["priority support (not purchasable) is ignored", ["priority-support"], {}],
    ["an included option listed as add-on changes nothing", ["email-support"], {}],
    ["custom development (on quote) stays on quote", ["custom-development"], {}],
  ])("paying, %s", (_label, addOns, changes) => {
    expect(entitlements("paying", addOns)).toEqual({ ...table.paying, ...changes });
  });

  it("ignores add-ons on premium (already included) and on free (not purchasable)", () => {
    expect(entitlements("premium", ["developer-support", "environment-administration"])).toEqual(
      table.premium,
    );
    expect(entitlements("free", ["developer-support", "environment-administration"])).toEqual(table.free);
  });
});

describe("purchasableAddOns", () => {
  it.each<[TierId, SupportOptionId[]]>([
    ["free", []],
    ["paying", ["environment-administration", "developer-support"]],
    ["premium", []],
  ])("%s → %j", (tier, expected) => {
    expect(purchasableAddOns(tier)).toEqual(expected);
  });
});

describe("assertValidAddOns", () => {
  it.each<[TierId, SupportOptionId[]]>([
    ["free", []],
    ["paying", []],
    ["premium", []],
    ["paying", ["developer-support"]],
    ["paying", ["environment-administration"]],
    ["paying", ["environment-administration", "developer-support"]],
  ])("accepts %s with %j", (tier, addOns) => {
    expect(() => assertValidAddOns(tier, addOns)).not.toThrow();
  });

  it.each<[TierId, SupportOptionId[], SupportOptionId[]]>([
    ["premium", ["developer-support"], ["developer-support"]],
    ["free", ["environment-administration"], ["environment-administration"]],
    ["paying", ["priority-support"], ["priority-support"]],
    [
      "paying",
      ["developer-support", "custom-development", "email-support"],
      ["custom-development", "email-support"],
    ],
  ])("refuses %s with %j (invalid: %j)", (tier, addOns, invalid) => {
    const error = thrown(() => assertValidAddOns(tier, addOns));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid-add-on");
    expect((error as DomainError).details).toEqual({ tier, invalid, allowed: purchasableAddOns(tier) });
  });
});
