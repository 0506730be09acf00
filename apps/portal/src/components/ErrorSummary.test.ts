// ErrorSummary: a focused alert that counts the problems and links each field error to its field.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import ErrorSummary from "./ErrorSummary.astro";

describe("ErrorSummary", () => {
  it("renders nothing without errors", async () => {
    expect((await render(ErrorSummary, { errors: { fields: {}, general: [] } })).trim()).toBe("");
  });

  it("is an alert focused on load, listing general messages and linking field errors in form order", async () => {
    const html = await render(ErrorSummary, {
      errors: {
        fields: { body: "Description manquante.", subject: "Sujet manquant." },
        general: ["Trop de tentatives."],
      },
      order: ["subject", "body"],
    });
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/tabindex="-1"[^>]*autofocus|autofocus[^>]*tabindex="-1"/);
    expect(textOf(html)).toContain("Le formulaire contient 3 erreurs");
    expect(html.indexOf("#field-subject")).toBeLessThan(html.indexOf("#field-body"));
    expect(textOf(html)).toContain("Trop de tentatives.");
  });

  it("uses the singular for one error", async () => {
    const html = await render(ErrorSummary, { errors: { fields: {}, general: ["x"] } }, "en");
    expect(textOf(html)).toContain("There is 1 problem with this form");
  });
});
