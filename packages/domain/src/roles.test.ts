import { describe, expect, it } from "vitest";
import { channelIds, channels, isRoleId, isStaff, type RoleId, roleIds, roles } from "./roles.ts";

describe("roles", () => {
  it("lists customer, agent and admin with labels in both languages", () => {
    expect(roleIds).toEqual(["customer", "agent", "admin"]);
    expect(roles.agent).toEqual({ fr: "Agent du support", en: "Support agent" });
    for (const id of roleIds) {
      expect(roles[id].fr).not.toBe("");
      expect(roles[id].en).not.toBe("");
    }
  });

  it.each<[RoleId, boolean]>([
    ["customer", false],
    ["agent", true],
    ["admin", true],
  ])("isStaff(%s) → %s", (role, expected) => {
    expect(isStaff(role)).toBe(expected);
  });

  it("recognises role ids only", () => {
    for (const id of roleIds) expect(isRoleId(id)).toBe(true);
    expect(isRoleId("superuser")).toBe(false);
    expect(isRoleId(undefined)).toBe(false);
  });
});

describe("channels", () => {
  it("lists the portal and e-mail with labels", () => {
    expect(channelIds).toEqual(["portal", "email"]);
    expect(channels.portal).toEqual({ fr: "Portail", en: "Portal" });
    expect(channels.email.fr).toBe("E-mail");
    for (const id of channelIds) expect(channels[id].en).not.toBe("");
  });
});
