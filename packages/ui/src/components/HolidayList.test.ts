// HolidayList shows the French public holidays of the current and next year, dates in words.
import { frenchPublicHolidays } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import HolidayList from "./HolidayList.astro";

const now = new Date("2026-03-10T12:00:00Z");

describe("HolidayList", () => {
  it("has one table per year, current and next", async () => {
    const html = await render(HolidayList, { locale: "fr", now });
    expect(html).toContain('data-year="2026"');
    expect(html).toContain('data-year="2027"');
    expect(html.match(/<tr>/g)).toHaveLength(
      frenchPublicHolidays(2026).length + frenchPublicHolidays(2027).length + 2,
    );
  });

  it("writes dates out in French with their weekday", async () => {
    const text = textOf(await render(HolidayList, { locale: "fr", now }));
    expect(text).toContain("Jours fériés 2026");
    expect(text).toContain("lundi 6 avril 2026 Lundi de Pâques");
    expect(text).toContain("jeudi 14 mai 2026 Ascension");
    expect(text).toContain("lundi 29 mars 2027 Lundi de Pâques");
  });

  it("writes dates out in English", async () => {
    const html = await render(HolidayList, { locale: "en", now });
    expect(textOf(html)).toContain("Thursday, 14 May 2026 Ascension Day");
    expect(html).toContain('<time datetime="2026-05-14">');
  });

  it("moves with the build year", async () => {
    const html = await render(HolidayList, { locale: "fr", now: new Date("2030-01-02T12:00:00Z") });
    expect(html).toContain('data-year="2030"');
    expect(html).not.toContain('data-year="2026"');
  });
});
