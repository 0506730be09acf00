// Unit tests of lib/dashboard.ts: the dashboard's dates, percents, medians and day labels.
import { describe, expect, it } from "vitest";
import {
  dailySeries,
  dayWithWeekday,
  formatCount,
  formatMedian,
  formatPercent,
  shortDay,
} from "./dashboard.ts";

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("dates", () => {
  it("reads civil dates on their own day, whatever the server's zone", () => {
    expect(shortDay("2026-11-02", "fr")).toBe("2 nov.");
    expect(shortDay("2026-11-02", "en")).toBe("2 Nov");
    expect(dayWithWeekday("2026-11-02", "fr")).toBe("lun. 2 nov.");
    expect(dayWithWeekday("2026-03-29", "en")).toBe("Sun 29 Mar");
  });
});

describe("dailySeries", () => {
  const days = (from: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      date: new Date(Date.parse(`${from}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
      count: i,
    }));

  it("labels every Monday of a 30-day window", () => {
    // 28 Oct 2026 is a Wednesday: Mondays 2, 9, 16, 23 Nov.
    const series = dailySeries(days("2026-10-28", 30), "fr");
    expect(series).toHaveLength(30);
    expect(series.filter((d) => d.tick).map((d) => d.tick)).toEqual([
      "2 nov.",
      "9 nov.",
      "16 nov.",
      "23 nov.",
    ]);
    expect(spaces(series[5]?.label ?? "")).toBe("lun. 2 nov. : 5");
    expect(series[5]?.value).toBe(5);
  });

  it("labels every other Monday of a 90-day window", () => {
    const ticks = dailySeries(days("2026-08-29", 90), "en").filter((d) => d.tick);
    // Mondays from 31 Aug: 13 of them, 7 labelled.
    expect(ticks.map((d) => d.tick)).toEqual([
      "31 Aug",
      "14 Sept",
      "28 Sept",
      "12 Oct",
      "26 Oct",
      "9 Nov",
      "23 Nov",
    ]);
  });
});

describe("numbers", () => {
  it("formats percents the API computed, and says nothing was measured", () => {
    expect(spaces(formatPercent(87.5, "fr"))).toBe("87,5 %");
    expect(formatPercent(100, "en")).toBe("100%");
    expect(formatPercent(0, "en")).toBe("0%");
    expect(formatPercent(null, "fr")).toBe("—");
  });

  it("formats medians in business time", () => {
    expect(spaces(formatMedian(200, "fr"))).toBe("3 h 20");
    expect(spaces(formatMedian(45.4, "en"))).toBe("45 min");
    expect(spaces(formatMedian(540, "fr"))).toBe("9 h");
    expect(formatMedian(null, "fr")).toBe("—");
  });

  it("groups thousands", () => {
    expect(spaces(formatCount(1234, "fr"))).toBe("1 234");
    expect(formatCount(1234, "en")).toBe("1,234");
  });
});
