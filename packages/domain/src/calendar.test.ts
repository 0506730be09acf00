import { describe, expect, it } from "vitest";
import {
  type BusinessCalendar,
  businessMinutesPerDay,
  formatTimeOfDay,
  parisBusinessCalendar,
} from "./calendar.ts";
import { frenchPublicHolidays } from "./holidays.ts";

describe("parisBusinessCalendar", () => {
  it("is the seed's calendar: Monday to Friday 09:00–18:00, Europe/Paris, French holidays", () => {
    expect(parisBusinessCalendar.timeZone).toBe("Europe/Paris");
    expect(parisBusinessCalendar.opensAt).toEqual({ hour: 9, minute: 0 });
    expect(parisBusinessCalendar.closesAt).toEqual({ hour: 18, minute: 0 });
    expect(parisBusinessCalendar.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(parisBusinessCalendar.holidays).toBe(frenchPublicHolidays);
  });

  it("cannot be changed by accident", () => {
    expect(Object.isFrozen(parisBusinessCalendar)).toBe(true);
    expect(Object.isFrozen(parisBusinessCalendar.opensAt)).toBe(true);
    expect(Object.isFrozen(parisBusinessCalendar.closesAt)).toBe(true);
    expect(Object.isFrozen(parisBusinessCalendar.workingDays)).toBe(true);
  });
});

describe("businessMinutesPerDay", () => {
  it("is 540 minutes (9 hours) for 09:00–18:00", () => {
    expect(businessMinutesPerDay()).toBe(540);
    expect(businessMinutesPerDay(parisBusinessCalendar)).toBe(540);
  });
  it("counts minutes for other opening hours", () => {
    const calendar: BusinessCalendar = {
      ...parisBusinessCalendar,
      opensAt: { hour: 8, minute: 30 },
      closesAt: { hour: 17, minute: 0 },
    };
    expect(businessMinutesPerDay(calendar)).toBe(510);
  });
});

describe("formatTimeOfDay", () => {
  it.each([
    [{ hour: 9, minute: 0 }, "09:00"],
    [{ hour: 18, minute: 0 }, "18:00"],
    [{ hour: 8, minute: 5 }, "08:05"],
    [{ hour: 0, minute: 0 }, "00:00"],
  ])("%o → %s", (time, expected) => {
    expect(formatTimeOfDay(time)).toBe(expected);
  });
});
