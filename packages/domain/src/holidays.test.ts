import { describe, expect, it } from "vitest";
import { easterSunday, formatCivilDate, frenchPublicHolidays } from "./holidays.ts";

/** Published dates (Easter Sunday, Easter Monday, Ascension, Whit Monday). */
const movable = [
  [2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"],
  [2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"],
  [2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"],
  [2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"],
  [2028, "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-05"],
  [2029, "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-21"],
  [2030, "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-10"],
] as const;

const fixedDates = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"];

const dateOf = (list: ReturnType<typeof frenchPublicHolidays>, en: string) =>
  list.filter((h) => h.name.en === en).map((h) => h.date);

describe("easterSunday", () => {
  it.each(movable)("%i → %s", (year, easter) => {
    expect(formatCivilDate(easterSunday(year))).toBe(easter);
  });
  it.each([
    [1818, "1818-03-22"],
    [2285, "2285-03-22"],
    [1943, "1943-04-25"],
    [2038, "2038-04-25"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [1961, "1961-04-02"],
  ])("%i → %s (earliest, latest and other known dates)", (year, easter) => {
    expect(formatCivilDate(easterSunday(year))).toBe(easter);
  });
});

describe("frenchPublicHolidays", () => {
  it.each(movable)(
    "%i: Easter %s, Easter Monday %s, Ascension %s, Whit Monday %s",
    (year, _easter, monday, ascension, whit) => {
      const list = frenchPublicHolidays(year);
      expect(dateOf(list, "Easter Monday")).toEqual([monday]);
      expect(dateOf(list, "Ascension Day")).toEqual([ascension]);
      expect(dateOf(list, "Whit Monday")).toEqual([whit]);
    },
  );

  it.each(movable.map(([year]) => year))("%i: eleven holidays, sorted, fixed ones included", (year) => {
    const list = frenchPublicHolidays(year);
    expect(list).toHaveLength(11);
    const dates = list.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    for (const md of fixedDates) expect(dates).toContain(`${year}-${md}`);
    for (const h of list) {
      expect(h.date).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
      expect(h.name.fr.length).toBeGreaterThan(0);
      expect(h.name.en.length).toBeGreaterThan(0);
    }
  });

  it("names the holidays in French and English", () => {
    const list = frenchPublicHolidays(2026);
    expect(list[0]).toEqual({ date: "2026-01-01", name: { fr: "Jour de l’an", en: "New Year’s Day" } });
    expect(list.find((h) => h.date === "2026-07-14")?.name).toEqual({
      fr: "Fête nationale",
      en: "Bastille Day",
    });
    expect(list.find((h) => h.date === "2026-05-14")?.name.fr).toBe("Ascension");
    expect(list.find((h) => h.date === "2026-05-25")?.name.fr).toBe("Lundi de Pentecôte");
    expect(list.find((h) => h.date === "2026-04-06")?.name.fr).toBe("Lundi de Pâques");
    expect(list.at(-1)).toEqual({ date: "2026-12-25", name: { fr: "Noël", en: "Christmas Day" } });
  });

  it("lists both holidays when Ascension falls on 1 May (2008)", () => {
    const list = frenchPublicHolidays(2008);
    expect(list).toHaveLength(11);
    const onFirstMay = list.filter((h) => h.date === "2008-05-01").map((h) => h.name.en);
    expect(onFirstMay.sort()).toEqual(["Ascension Day", "Labour Day"]);
    expect(dateOf(list, "Whit Monday")).toEqual(["2008-05-12"]);
    const dates = list.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("rejects a non-integer year", () => {
    expect(() => frenchPublicHolidays(2026.5)).toThrow(RangeError);
    expect(() => frenchPublicHolidays(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatCivilDate", () => {
  it("pads year, month and day", () => {
    expect(formatCivilDate({ year: 2026, month: 5, day: 14 })).toBe("2026-05-14");
    expect(formatCivilDate({ year: 33, month: 4, day: 3 })).toBe("0033-04-03");
    expect(formatCivilDate({ year: 2026, month: 12, day: 31 })).toBe("2026-12-31");
  });
});
