// Unit tests of lib/staff-area.ts: which routes are staff-only, and who may enter them.
import { describe, expect, it } from "vitest";
import { mayEnter, staffAreaOf } from "./staff-area.ts";

describe("staffAreaOf", () => {
  it.each([
    ["/agent", "agent"],
    ["/agent/requests/[reference]", "agent"],
    ["/agent/dashboard", "agent"],
    ["/staff", "agent"],
    ["/admin", "admin"],
    ["/admin/organizations/[id]", "admin"],
    ["/", null],
    ["/agents", null],
    ["/administration", null],
    ["/requests/[reference]", null],
    ["/404", null],
  ] as const)("%s → %s", (route, area) => {
    expect(staffAreaOf(route)).toBe(area);
  });
});

describe("mayEnter", () => {
  it.each([
    ["customer", "agent", false],
    ["customer", "admin", false],
    ["agent", "agent", true],
    ["agent", "admin", false],
    ["admin", "agent", true],
    ["admin", "admin", true],
    ["root", "admin", false],
  ] as const)("%s in %s → %s", (role, area, allowed) => {
    expect(mayEnter(role, area)).toBe(allowed);
  });
});
