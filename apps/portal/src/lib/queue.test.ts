// Unit tests of lib/queue.ts: the queue's filters read from and written to shareable URLs.
import { describe, expect, it } from "vitest";
import { parseQueueParams, queueQuery, queueTab, queueTabUrl, queueUrl } from "./queue.ts";

const parse = (query: string) => parseQueueParams(new URLSearchParams(query));

describe("parseQueueParams", () => {
  it("defaults to every active request, page 1", () => {
    expect(parse("")).toEqual({
      view: "all",
      tier: undefined,
      criticality: undefined,
      category: undefined,
      status: "active",
      breached: false,
      q: "",
      page: 1,
    });
  });

  it("reads every filter", () => {
    expect(
      parse(
        "view=unassigned&tier=premium&criticality=unclassified&category=bug&status=resolved&breached=1&q=+pdf+&page=3",
      ),
    ).toEqual({
      view: "unassigned",
      tier: "premium",
      criticality: "unclassified",
      category: "bug",
      status: "resolved",
      breached: true,
      q: "pdf",
      page: 3,
    });
  });

  it("ignores what it does not know", () => {
    expect(
      parse("view=everyone&tier=gold&criticality=urgent&status=lost&page=-2&breached=yes"),
    ).toMatchObject({
      view: "all",
      tier: undefined,
      criticality: undefined,
      status: "active",
      page: 1,
      breached: false,
    });
  });
});

describe("queueQuery", () => {
  it("asks the API for one page of 50 with the filters", () => {
    expect(queueQuery(parse("view=mine&status=all&breached=1&page=2"))).toMatchObject({
      view: "mine",
      statuses: ["new", "open", "waiting-on-customer", "resolved", "closed"],
      breached: true,
      limit: 50,
      offset: 50,
    });
    expect(queueQuery(parse("")).statuses).toBeUndefined();
  });
});

describe("queue URLs", () => {
  it("writes only what differs from the defaults, and goes back to page 1 on a change", () => {
    const filters = parse("tier=premium&page=4");
    expect(queueUrl(filters)).toBe("/agent?tier=premium");
    expect(queueUrl(filters, { page: 5 })).toBe("/agent?tier=premium&page=5");
    expect(queueUrl(parse(""))).toBe("/agent");
  });

  it("keeps the filters across tabs; the overdue tab is every request, breached only", () => {
    const filters = parse("view=mine&category=bug");
    expect(queueTabUrl(filters, "breached")).toBe("/agent?category=bug&breached=1");
    expect(queueTabUrl(parse("breached=1"), "unassigned")).toBe("/agent?view=unassigned");
    expect(queueTab(parse("breached=1"))).toBe("breached");
    expect(queueTab(parse("view=mine&breached=1"))).toBe("mine");
  });
});
