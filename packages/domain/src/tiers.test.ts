import { describe, expect, it } from "vitest";
import { isTierId, tierIds, tiers } from "./tiers.ts";

describe("tiers", () => {
  it("lists the seed's three columns in order with their service level", () => {
    expect(tierIds).toEqual(["free", "paying", "premium"]);
    expect(tierIds.map((id) => tiers[id].slaBusinessDays)).toEqual([null, 2, 1]);
    expect(tiers.paying.label).toEqual({ fr: "Client Payant", en: "Paying customer" });
  });
  it("carries the seed's column headers and the DESIGN's English labels", () => {
    expect(tiers.free.label).toEqual({ fr: "Version Gratuite", en: "Free version" });
    expect(tiers.premium.label).toEqual({ fr: "Support Premium", en: "Premium support" });
    for (const id of tierIds) expect(tiers[id].id).toBe(id);
  });
  it("recognises tier ids only", () => {
    expect(isTierId("premium")).toBe(true);
    expect(isTierId("gold")).toBe(false);
    expect(isTierId(undefined)).toBe(false);
  });
});

describe("criticality classification", () => {
  it("belongs to Premium customers only", async () => {
    const { classifiesCriticality } = await import("./tiers.ts");
    expect(tierIds.filter(classifiesCriticality)).toEqual(["premium"]);
  });
});
