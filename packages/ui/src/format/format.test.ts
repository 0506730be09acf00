// Locale formatting helpers: dates, times and French typography.
import { describe, expect, it } from "vitest";
import { formatCivilDateLong, formatDate, formatDateTime, formatTime, weekdayName } from "./dates.ts";
import { frenchSpacing } from "./typography.ts";

describe("dates", () => {
  const at = new Date("2026-04-06T08:00:00Z"); // 10:00 in Paris (summer time)

  it("formats in Paris time", () => {
    expect(formatDate(at, "fr")).toBe("lundi 6 avril 2026");
    expect(formatTime(at, "fr")).toBe("10:00");
    expect(formatDateTime(at, "fr")).toBe("lundi 6 avril 2026 à 10:00");
    expect(formatDateTime(at, "en")).toBe("Monday, 6 April 2026, 10:00");
  });

  it("formats civil dates and weekdays", () => {
    expect(formatCivilDateLong("2026-12-25", "fr")).toBe("vendredi 25 décembre 2026");
    expect(weekdayName(1, "fr")).toBe("lundi");
    expect(weekdayName(7, "en")).toBe("Sunday");
  });
});

describe("frenchSpacing", () => {
  it("puts no-break spaces before high punctuation and inside guillemets", () => {
    expect(frenchSpacing("Prêt ? Oui ! Note : « ici ».")).toBe(
      "Prêt\u202f? Oui\u202f! Note\u00a0: «\u202fici\u202f».",
    );
  });

  it("leaves times, URLs and English alone", () => {
    expect(frenchSpacing("De 09:00 à 18:00, voir https://x.fr")).toBe("De 09:00 à 18:00, voir https://x.fr");
    expect(frenchSpacing("Ready ? Go", "en")).toBe("Ready ? Go");
  });
});
