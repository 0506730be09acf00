// Unit tests of lib/paging.ts: offset paging of the administration's lists.
import { describe, expect, it } from "vitest";
import { pageOffset, pagerUrls } from "./paging.ts";

describe("pageOffset", () => {
  it("reads a 1-based page, anything else is the first", () => {
    expect(pageOffset(new URLSearchParams("page=3"), 25)).toBe(50);
    expect(pageOffset(new URLSearchParams("page=0"), 25)).toBe(0);
    expect(pageOffset(new URLSearchParams("page=x"), 25)).toBe(0);
    expect(pageOffset(new URLSearchParams(""), 25)).toBe(0);
  });
});

describe("pagerUrls", () => {
  it("links the neighbours, keeping the filters", () => {
    expect(pagerUrls("/admin/users", { q: "anne", role: undefined }, 0, 25, 60)).toEqual({
      previous: null,
      next: "/admin/users?q=anne&page=2",
    });
    expect(pagerUrls("/admin/users", {}, 50, 25, 60)).toEqual({
      previous: "/admin/users?page=2",
      next: null,
    });
    expect(pagerUrls("/admin/users", {}, 25, 25, 60).previous).toBe("/admin/users");
  });
});
