// Unit tests of lib/format.ts: due times in Paris time, waits, efforts.
import { describe, expect, it } from "vitest";
import { formatDueTime, formatEffort, formatShortDateTime, formatWait } from "./format.ts";

describe("formatDueTime", () => {
  it("says the date, time and time zone in words", () => {
    expect(formatDueTime("2026-11-27T16:00:00Z", "fr")).toBe(
      "vendredi 27 novembre 2026 à 17:00 (heure de Paris)",
    );
    expect(formatDueTime("2026-11-27T16:00:00Z", "en")).toBe("Friday, 27 November 2026, 17:00 (Paris time)");
  });

  it("follows daylight saving time", () => {
    expect(formatDueTime("2026-07-01T07:00:00Z", "fr")).toBe(
      "mercredi 1 juillet 2026 à 09:00 (heure de Paris)",
    );
  });
});

describe("formatShortDateTime", () => {
  it("is compact, in Paris time", () => {
    expect(formatShortDateTime("2026-11-27T16:00:00Z", "fr")).toBe("27 nov. 2026, 17:00");
  });
});

describe("formatWait", () => {
  it.each([
    [1, "fr", "1 seconde"],
    [42, "fr", "42 secondes"],
    [60, "fr", "1 minute"],
    [61, "en", "2 minutes"],
    [0.2, "en", "1 second"],
  ] as const)("%d s in %s → %s", (seconds, locale, text) => {
    expect(formatWait(seconds, locale)).toBe(text);
  });
});

describe("formatEffort", () => {
  it("counts half days", () => {
    expect(formatEffort(2.5, "fr")).toBe("2,5 jours");
    expect(formatEffort(1, "fr")).toBe("1 jour");
    expect(formatEffort(1, "en")).toBe("1 day");
    expect(formatEffort(0.5, "en")).toBe("0.5 days");
  });
});
