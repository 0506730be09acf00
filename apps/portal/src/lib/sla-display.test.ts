// Unit tests of lib/sla-display.ts: business time left, due today, overdue — in French and English.
import { describe, expect, it } from "vitest";
import { dueWhen, formatBusinessDuration, type SlaFacts, slaDisplay } from "./sla-display.ts";

const H = 3_600_000;
const M = 60_000;
const nb = (text: string) => text.replace(/ /g, "\u00a0");
/** Spaces as typed: the durations use no-break spaces (checked by formatBusinessDuration's tests). */
const plain = <T extends { text: string }>(display: T) => ({
  ...display,
  text: display.text.replace(/\u00a0/g, " "),
});

describe("formatBusinessDuration", () => {
  it.each([
    [3 * H + 20 * M, "fr", "3 h 20"],
    [3 * H + 20 * M + 59_999, "fr", "3 h 20"],
    [3 * H + 5 * M, "fr", "3 h 05"],
    [2 * H, "fr", "2 h"],
    [45 * M, "fr", "45 min"],
    [0, "fr", "0 min"],
    [18 * H, "fr", "18 h"],
    [-(2 * H), "fr", "2 h"],
    [3 * H + 20 * M, "en", "3 h 20 min"],
    [45 * M, "en", "45 min"],
  ] as const)("%d ms in %s → %s", (millis, locale, text) => {
    expect(formatBusinessDuration(millis, locale)).toBe(nb(text));
  });
});

describe("dueWhen", () => {
  // Thursday 26 November 2026, 10:00 in Paris (UTC+1).
  const now = new Date("2026-11-26T09:00:00Z");

  it("says today, tomorrow, or the date, with the Paris time", () => {
    expect(dueWhen(new Date("2026-11-26T16:00:00Z"), now, "fr")).toBe("dû aujourd’hui à 17:00");
    expect(dueWhen(new Date("2026-11-27T09:00:00Z"), now, "fr")).toBe("dû demain à 10:00");
    expect(dueWhen(new Date("2026-11-30T16:00:00Z"), now, "fr")).toBe("dû le lun. 30 nov. à 17:00");
    expect(dueWhen(new Date("2026-11-26T16:00:00Z"), now, "en")).toBe("due today at 17:00");
    expect(dueWhen(new Date("2026-11-30T16:00:00Z"), now, "en")).toBe("due Mon 30 Nov at 17:00");
  });

  it("uses the Paris date, not UTC's, around midnight", () => {
    // 23:30 UTC on the 26th is already the 27th in Paris.
    const late = new Date("2026-11-26T23:30:00Z");
    expect(dueWhen(new Date("2026-11-27T08:00:00Z"), late, "fr")).toBe("dû aujourd’hui à 09:00");
  });
});

describe("slaDisplay", () => {
  const now = new Date("2026-11-26T09:00:00Z");
  const running = (over: Partial<SlaFacts>): SlaFacts => ({
    phase: "first-response",
    dueAt: "2026-11-27T13:20:00Z",
    remainingBusinessMillis: 3 * H + 20 * M,
    breached: false,
    ...over,
  });

  it("shows the business time left and when it is due", () => {
    expect(plain(slaDisplay(running({}), now, "fr"))).toEqual({
      tone: "on-track",
      text: "3 h 20 ouvrées restantes",
      due: "dû demain à 14:20",
    });
  });

  it("marks what is due today", () => {
    const sla = running({ dueAt: "2026-11-26T16:00:00Z", remainingBusinessMillis: 7 * H });
    expect(plain(slaDisplay(sla, now, "fr"))).toEqual({
      tone: "due-today",
      text: "7 h ouvrées restantes",
      due: "dû aujourd’hui à 17:00",
    });
  });

  it("says how late a breached request is, in business time", () => {
    const sla = running({ dueAt: "2026-11-26T07:00:00Z", remainingBusinessMillis: -(2 * H), breached: true });
    expect(plain(slaDisplay(sla, now, "fr"))).toEqual({
      tone: "breached",
      text: "En retard de 2 h ouvrées",
      due: "dû aujourd’hui à 08:00",
    });
    expect(plain(slaDisplay(sla, now, "en")).text).toBe("Overdue by 2 h (business hours)");
  });

  it("says overdue without an amount when no business time has passed since (after closing time)", () => {
    const evening = new Date("2026-11-26T18:30:00Z");
    const sla = running({ dueAt: "2026-11-26T17:00:00Z", remainingBusinessMillis: 0, breached: true });
    expect(slaDisplay(sla, evening, "fr")).toMatchObject({ tone: "breached", text: "En retard" });
  });

  it("is paused while waiting on the customer, and empty when nothing is due", () => {
    expect(
      slaDisplay({ phase: "paused", dueAt: null, remainingBusinessMillis: null, breached: false }, now, "fr"),
    ).toEqual({ tone: "paused", text: "En pause\u00a0: attente du client", due: null });
    expect(
      slaDisplay({ phase: "none", dueAt: null, remainingBusinessMillis: null, breached: false }, now, "en"),
    ).toEqual({ tone: "none", text: "Nothing due", due: null });
  });

  it("never says 0 min left", () => {
    const sla = running({ dueAt: "2026-11-26T09:00:30Z", remainingBusinessMillis: 30_000 });
    expect(slaDisplay(sla, now, "fr").text).toBe("moins d’une minute ouvrée restante");
  });
});
