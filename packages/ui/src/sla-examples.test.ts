// The worked SLA examples: dates chosen from the calendar, due times and facts from the domain.
import { firstResponseDueAt, parisBusinessCalendar } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { slaExamples, slaScenarioIds } from "./sla-examples.ts";

const paris = (iso: string) => new Date(`${iso}+01:00`);

describe("slaExamples", () => {
  const rows = slaExamples(new Date("2026-11-26T12:00:00Z"));
  const row = (scenario: string, tier: string) =>
    rows.find((r) => r.scenario === scenario && r.tier === tier);

  it("has every scenario for paying and premium, and nothing for free", () => {
    expect(rows).toHaveLength(slaScenarioIds.length * 2);
    expect(rows.some((r) => r.tier === "free")).toBe(false);
  });

  it("computes each due time with firstResponseDueAt", () => {
    for (const r of rows) expect(r.dueAt).toEqual(firstResponseDueAt(r.tier, r.receivedAt));
  });

  it("picks the next holiday-free week: Monday 10:00, Friday 17:00, Saturday noon, Tuesday 18:00", () => {
    expect(row("monday-morning", "premium")?.receivedAt).toEqual(paris("2026-11-30T10:00:00"));
    expect(row("friday-afternoon", "premium")?.dueAt).toEqual(paris("2026-12-07T17:00:00"));
    expect(row("saturday-noon", "premium")?.dueAt).toEqual(paris("2026-12-07T18:00:00"));
    expect(row("at-closing", "premium")?.receivedAt).toEqual(paris("2026-12-01T18:00:00"));
  });

  it("records why: outside hours, weekend, holidays, closing time", () => {
    expect(row("monday-morning", "paying")).toMatchObject({
      receivedOutsideHours: false,
      skipsWeekend: false,
    });
    expect(row("friday-afternoon", "paying")).toMatchObject({ skipsWeekend: true, endsAtClosing: false });
    expect(row("saturday-noon", "premium")).toMatchObject({
      receivedOutsideHours: true,
      endsAtClosing: true,
    });
    expect(row("at-closing", "premium")?.clockStartsAt).toEqual(paris("2026-12-02T09:00:00"));
    expect(row("ascension-eve", "paying")?.skippedHolidays.map((h) => h.date)).toEqual(["2027-05-06"]);
    expect(row("christmas-eve", "premium")?.skippedHolidays.map((h) => h.name.fr)).toEqual(["Noël"]);
  });

  it("uses this year's Ascension while it is still ahead", () => {
    const spring = slaExamples(new Date("2026-03-01T12:00:00Z"));
    const eve = spring.find((r) => r.scenario === "ascension-eve");
    expect(eve?.receivedAt).toEqual(new Date("2026-05-13T08:00:00Z"));
    expect(eve?.tier === "paying" ? eve.dueAt : undefined).toEqual(new Date("2026-05-18T08:00:00Z"));
  });

  it("works with another calendar", () => {
    const calendar = { ...parisBusinessCalendar, holidays: () => [] };
    const plain = slaExamples(new Date("2026-11-26T12:00:00Z"), calendar);
    expect(plain.every((r) => r.skippedHolidays.length === 0)).toBe(true);
  });
});
