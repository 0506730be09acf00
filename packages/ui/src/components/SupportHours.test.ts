// SupportHours states the calendar's days, hours and zone in words.
import { parisBusinessCalendar } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import SupportHours from "./SupportHours.astro";

describe("SupportHours", () => {
  it("reads the Paris calendar in French", async () => {
    const text = textOf(await render(SupportHours, { locale: "fr" }));
    expect(text).toContain("Du lundi au vendredi, de 09:00 à 18:00");
    expect(text).toContain("heure de Paris");
    expect(text).toContain("9 heures ouvrées");
  });

  it("reads the Paris calendar in English", async () => {
    const text = textOf(await render(SupportHours, { locale: "en" }));
    expect(text).toContain("Monday to Friday, 09:00 to 18:00");
    expect(text).toContain("Paris time");
  });

  it("follows another calendar", async () => {
    const calendar = {
      ...parisBusinessCalendar,
      opensAt: { hour: 8, minute: 30 },
      workingDays: [1, 2, 3, 4],
    };
    const text = textOf(await render(SupportHours, { locale: "fr", calendar }));
    expect(text).toContain("Du lundi au jeudi, de 08:30 à 18:00");
    expect(text).toContain("9,5 heures ouvrées");
  });
});
