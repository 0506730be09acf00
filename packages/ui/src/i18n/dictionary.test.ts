// The interface dictionary: same keys in both languages, placeholders filled.
import { describe, expect, it } from "vitest";
import { t } from "./dictionary.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

describe("dictionary", () => {
  it("has the same keys and placeholders in French and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect(names(en[key])).toEqual(names(fr[key]));
  });

  it("fills placeholders and keeps unknown ones", () => {
    expect(t("en", "holidays.caption", { year: 2027 })).toBe("Public holidays 2027");
    expect(t("fr", "holidays.caption")).toBe("Jours fériés {year}");
  });
});
