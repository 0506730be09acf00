// Unit tests of lib/agent-forms.ts: amounts, efforts, canned replies appended, the reply draft.
import { describe, expect, it } from "vitest";
import { appendText, centsForInput, parseDays, parseEuroAmount, readReply } from "./agent-forms.ts";

describe("parseEuroAmount", () => {
  it.each([
    ["4800", 480_000],
    ["4 800,00", 480_000],
    ["4\u00a0800,5", 480_050],
    ["4800.55", 480_055],
    ["4,800.00", 480_000],
    ["1,234,567.89", 123_456_789],
    ["12,5", 1_250],
    ["4 800 €", 480_000],
    ["0", 0],
  ] as const)("%s → %d cents", (text, cents) => {
    expect(parseEuroAmount(text)).toBe(cents);
  });

  it.each(["", "abc", "4.800,00", "1.234", "12,345", "-5", "4800.555", "1e3"])("refuses %j", (text) => {
    expect(parseEuroAmount(text)).toBeNull();
  });
});

describe("parseDays", () => {
  it("reads half days the French and English way", () => {
    expect(parseDays("2,5")).toBe(2.5);
    expect(parseDays("2.5")).toBe(2.5);
    expect(parseDays(" 3 ")).toBe(3);
    expect(parseDays("deux")).toBeNull();
    expect(parseDays("")).toBeNull();
  });
});

describe("centsForInput", () => {
  it("gives back what can be typed again", () => {
    expect(centsForInput(480_050, "fr")).toBe("4800,50");
    expect(centsForInput(480_050, "en")).toBe("4800.50");
    expect(parseEuroAmount(centsForInput(123_456, "fr"))).toBe(123_456);
  });
});

describe("appendText", () => {
  it("adds after a blank line and erases nothing", () => {
    expect(appendText("Bonjour Claire,\n", "Voici la procédure.")).toBe(
      "Bonjour Claire,\n\nVoici la procédure.",
    );
    expect(appendText("   ", "Voici la procédure.")).toBe("Voici la procédure.");
  });
});

describe("readReply", () => {
  it("keeps what was typed and ignores unknown values", () => {
    const form = new FormData();
    form.set("body", "Texte\r\nsur deux lignes");
    form.set("visibility", "internal");
    form.set("replyStatus", "resolved");
    form.set("replyReason", "Corrigé");
    expect(readReply(form)).toEqual({
      body: "Texte\nsur deux lignes",
      visibility: "internal",
      status: "resolved",
      reason: "Corrigé",
      canned: "",
    });
    form.set("visibility", "secret");
    form.set("replyStatus", "archived");
    expect(readReply(form)).toMatchObject({ visibility: "public", status: "" });
  });
});
