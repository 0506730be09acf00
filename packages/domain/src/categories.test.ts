import { describe, expect, it } from "vitest";
import {
  assertCanOpenRequest,
  canOpenRequest,
  categoryAccess,
  isRequestCategoryId,
  openableCategories,
  type RequestCategoryId,
  requestCategories,
  requestCategoryIds,
} from "./categories.ts";
import { DomainError } from "./errors.ts";
import type { SupportOptionId } from "./options.ts";
import type { TierId } from "./tiers.ts";

type Org = readonly [label: string, tier: TierId, addOns: SupportOptionId[]];
const orgs: Org[] = [
  ["free", "free", []],
  ["free with (ignored) add-ons", "free", ["developer-support", "environment-administration"]],
  ["paying", "paying", []],
  ["paying + developer-support", "paying", ["developer-support"]],
  ["paying + environment-administration", "paying", ["environment-administration"]],
  ["paying + both add-ons", "paying", ["developer-support", "environment-administration"]],
  ["premium", "premium", []],
];

/** Which categories each organization may open, by DESIGN §2 (hand-written, in form order). */
const expectedOpenable: Record<string, RequestCategoryId[]> = {
  free: [],
  "free with (ignored) add-ons": [],
  paying: ["usage-question", "bug", "custom-development"],
  "paying + developer-support": ["usage-question", "bug", "developer-question", "custom-development"],
  "paying + environment-administration": [
    "usage-question",
    "bug",
    "environment-administration",
    "custom-development",
  ],
  "paying + both add-ons": [
    "usage-question",
    "bug",
    "environment-administration",
    "developer-question",
    "custom-development",
  ],
  premium: [
    "usage-question",
    "bug",
    "environment-administration",
    "developer-question",
    "custom-development",
  ],
};

const requiredOption: Record<RequestCategoryId, SupportOptionId> = {
  "usage-question": "end-user-support",
  bug: "end-user-support",
  "environment-administration": "environment-administration",
  "developer-question": "developer-support",
  "custom-development": "custom-development",
};

const matrix = orgs.flatMap(([label, tier, addOns]) =>
  requestCategoryIds.map(
    (category) =>
      [label, category, tier, addOns, (expectedOpenable[label] ?? []).includes(category)] as const,
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

describe("requestCategories", () => {
  it("lists the categories in form order with the option each needs", () => {
    expect(requestCategoryIds).toEqual([
      "usage-question",
      "bug",
      "environment-administration",
      "developer-question",
      "custom-development",
    ]);
    for (const id of requestCategoryIds) {
      expect(requestCategories[id].id).toBe(id);
      expect(requestCategories[id].requiredOption).toBe(requiredOption[id]);
      expect(requestCategories[id].opensQuote).toBe(id === "custom-development");
      for (const text of [requestCategories[id].label, requestCategories[id].hint]) {
        expect(text.fr.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
    }
  });

  it("recognises category ids only", () => {
    for (const id of requestCategoryIds) expect(isRequestCategoryId(id)).toBe(true);
    expect(isRequestCategoryId("feature-request")).toBe(false);
    expect(isRequestCategoryId(null)).toBe(false);
  });
});

describe("canOpenRequest / assertCanOpenRequest for every organization × category", () => {
  it.each(matrix)("%s, %s → %s", (_label, category, tier, addOns, allowed) => {
    expect(canOpenRequest(tier, addOns, category)).toBe(allowed);
    if (allowed) {
      expect(() => assertCanOpenRequest(tier, addOns, category)).not.toThrow();
    } else {
      const error = thrown(() => assertCanOpenRequest(tier, addOns, category));
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("not-entitled");
      expect((error as DomainError).details).toMatchObject({
        tier,
        category,
        allowed: false,
        requiredOption: requiredOption[category],
      });
    }
  });
});

describe("openableCategories", () => {
  it.each(orgs)("%s", (label, tier, addOns) => {
    expect(openableCategories(tier, addOns)).toEqual(expectedOpenable[label]);
  });
});

describe("categoryAccess", () => {
  it.each(matrix)("%s, %s", (_label, category, tier, addOns, allowed) => {
    const access = categoryAccess(tier, addOns, category);
    expect(access.category).toBe(category);
    expect(access.allowed).toBe(allowed);
    expect(access.requiredOption).toBe(requiredOption[category]);
  });

  it.each<[RequestCategoryId, TierId[]]>([
    ["usage-question", ["paying", "premium"]],
    ["bug", ["paying", "premium"]],
    ["environment-administration", ["premium"]],
    ["developer-question", ["premium"]],
    ["custom-development", ["paying", "premium"]],
  ])("%s is in the plan (or on quote) of %j", (category, tiers) => {
    expect(categoryAccess("free", [], category).tiersWithOption).toEqual(tiers);
  });

  it("tells a paying organization the missing option can be bought as an add-on", () => {
    expect(categoryAccess("paying", [], "developer-question").purchasableAsAddOn).toBe(true);
    expect(categoryAccess("paying", [], "environment-administration").purchasableAsAddOn).toBe(true);
    expect(categoryAccess("paying", [], "bug").purchasableAsAddOn).toBe(false);
    expect(categoryAccess("free", [], "developer-question").purchasableAsAddOn).toBe(false);
    expect(categoryAccess("premium", [], "developer-question").purchasableAsAddOn).toBe(false);
  });
});
