// Unit tests of lib/plan.ts and lib/open-request.ts: what each plan may open, and the form's own checks.
import {
  canOpenRequest,
  requestCategoryIds,
  type SupportOptionId,
  type TierId,
  tierIds,
} from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { checkDraft, emptyDraft } from "./open-request.ts";
import {
  canAskForQuote,
  canOpenAnyRequest,
  choosesCriticality,
  planOf,
  requestFormCategories,
} from "./plan.ts";

const plans: Array<[TierId, SupportOptionId[]]> = [
  ["free", []],
  ["paying", []],
  ["paying", ["developer-support"]],
  ["paying", ["environment-administration", "developer-support"]],
  ["premium", []],
];

describe.each(plans)("plan %s + %j", (tier, addOns) => {
  const plan = planOf({ tier, addOns });

  it("offers every ordinary category, allowed exactly as the domain says", () => {
    const categories = requestFormCategories(plan);
    expect(categories.map((c) => c.category)).toEqual(
      requestCategoryIds.filter((c) => c !== "custom-development"),
    );
    for (const access of categories)
      expect(access.allowed).toBe(canOpenRequest(tier, addOns, access.category));
  });

  it("asks for quotes and criticality per the domain", () => {
    expect(canAskForQuote(plan)).toBe(canOpenRequest(tier, addOns, "custom-development"));
    expect(canOpenAnyRequest(plan)).toBe(tier !== "free");
    expect(choosesCriticality(plan)).toBe(tier === "premium");
  });
});

describe("planOf", () => {
  it("reads unknown values as the most restrictive plan", () => {
    expect(planOf({ tier: "gold", addOns: ["developer-support", "nonsense"] } as never)).toEqual({
      tier: "free",
      addOns: ["developer-support"],
    });
    expect(tierIds).toContain(planOf({ tier: "premium", addOns: [] }).tier);
  });
});

describe("checkDraft", () => {
  it("requires a category the plan allows and, for Premium, a criticality", () => {
    const paying = planOf({ tier: "paying", addOns: [] });
    expect(checkDraft({ ...emptyDraft, category: "developer-question" }, paying, "fr").category).toBe(
      "Votre offre ne permet pas d’ouvrir cette catégorie de demande.",
    );
    expect(checkDraft({ ...emptyDraft, category: "" }, paying, "en").category).toBe("Choose a category.");
    expect(checkDraft({ ...emptyDraft, category: "bug" }, paying, "fr")).toEqual({
      category: undefined,
      criticality: undefined,
    });
    const premium = planOf({ tier: "premium", addOns: [] });
    expect(checkDraft({ ...emptyDraft, category: "bug" }, premium, "fr").criticality).toBe(
      "Choisissez une criticité.",
    );
    expect(
      checkDraft({ ...emptyDraft, category: "custom-development" }, premium, "fr", false).criticality,
    ).toBeUndefined();
  });
});
