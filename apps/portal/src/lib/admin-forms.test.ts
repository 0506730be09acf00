// Unit tests of lib/admin-forms.ts: the plan and invitation forms of the administration.
import { describe, expect, it } from "vitest";
import { checkInvitation, readInvitation, readPlan } from "./admin-forms.ts";

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("readPlan", () => {
  it("keeps the add-ons the chosen tier can buy", () => {
    expect(
      readPlan(
        form([
          ["name", "Garage Petit"],
          ["tier", "paying"],
          ["addOns", "developer-support"],
          ["addOns", "developer-support"],
          ["addOns", "priority-support"],
        ]),
      ),
    ).toEqual({ name: "Garage Petit", tier: "paying", addOns: ["developer-support"] });
  });

  it("drops add-ons a tier includes or does not sell (a box left ticked before changing tier)", () => {
    expect(
      readPlan(
        form([
          ["tier", "premium"],
          ["addOns", "developer-support"],
        ]),
      ).addOns,
    ).toEqual([]);
    expect(
      readPlan(
        form([
          ["tier", "free"],
          ["addOns", "environment-administration"],
        ]),
      ).addOns,
    ).toEqual([]);
  });

  it("falls back to the given tier when none is posted", () => {
    expect(readPlan(form([]), "premium").tier).toBe("premium");
  });
});

describe("checkInvitation", () => {
  const draft = (over: object) => ({
    ...readInvitation(form([])),
    email: "a@b.fr",
    name: "Anne",
    locale: "fr",
    ...over,
  });

  it("needs an organization for a customer and none for staff", () => {
    expect(checkInvitation(draft({ role: "customer" }), "fr").organizationId).toBe(
      "Choisissez l’organisation du client.",
    );
    expect(checkInvitation(draft({ role: "agent", organizationId: "org1" }), "en").organizationId).toBe(
      "A team member belongs to no organization.",
    );
    expect(Object.values(checkInvitation(draft({ role: "admin" }), "fr")).filter(Boolean)).toEqual([]);
  });

  it("reports every missing field at once", () => {
    const errors = checkInvitation(draft({ email: "", name: " ", role: "", locale: "" }), "fr");
    expect(
      Object.entries(errors)
        .filter(([, message]) => message)
        .map(([field]) => field),
    ).toEqual(["email", "name", "role", "locale"]);
  });
});
