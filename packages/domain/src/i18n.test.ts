import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, type Localized, locales, localize } from "./i18n.ts";

describe("locales", () => {
  it("has French first and as default, English second", () => {
    expect(locales).toEqual(["fr", "en"]);
    expect(defaultLocale).toBe("fr");
  });

  it("recognises supported locales only", () => {
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("FR")).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});

describe("localize", () => {
  const text: Localized = { fr: "Inclus", en: "Included" };
  it("picks the requested language, French by default", () => {
    expect(localize(text, "en")).toBe("Included");
    expect(localize(text, "fr")).toBe("Inclus");
    expect(localize(text)).toBe("Inclus");
  });
  it("falls back to French when a text lacks the language (data from outside the type system)", () => {
    const partial = { fr: "Seulement en français" } as unknown as Localized;
    expect(localize(partial, "en")).toBe("Seulement en français");
  });
});
