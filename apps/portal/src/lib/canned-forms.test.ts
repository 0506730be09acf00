// Unit tests of lib/canned-forms.ts: the canned-reply form's own checks.
import { describe, expect, it } from "vitest";
import { checkCanned, readCanned } from "./canned-forms.ts";

describe("checkCanned", () => {
  it("trims and accepts a complete draft", () => {
    expect(checkCanned({ title: " Accueil ", body: " Bonjour,\n ", locale: "fr" }, "fr")).toEqual({
      ok: true,
      input: { title: "Accueil", body: "Bonjour,", locale: "fr" },
    });
  });

  it("reports every missing or too long field at once", () => {
    const result = checkCanned({ title: "x".repeat(121), body: "  ", locale: "de" }, "fr");
    expect(result).toEqual({
      ok: false,
      errors: {
        title: "120 caractères au plus.",
        body: "Ce champ est obligatoire.",
        locale: "Ce champ est obligatoire.",
      },
    });
  });

  it("reads the posted form as typed", () => {
    const form = new FormData();
    form.set("title", "Titre");
    form.set("body", "a\r\nb");
    form.set("locale", "en");
    expect(readCanned(form)).toEqual({ title: "Titre", body: "a\nb", locale: "en" });
  });
});
