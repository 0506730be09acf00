// Unit tests of lib/forms.ts.
import { describe, expect, it } from "vitest";
import type { Problem } from "./api.ts";
import { errorsFromProblem, fieldId, problemMessage } from "./forms.ts";

const problem = (p: Partial<Problem>): Problem => ({
  status: 400,
  code: "bad-request",
  title: "T",
  errors: [],
  ...p,
});

describe("problemMessage", () => {
  it("says how long to wait when rate-limited", () => {
    expect(problemMessage(problem({ status: 429, code: "rate-limited", retryAfterSeconds: 42 }), "fr")).toBe(
      "Trop de tentatives. Réessayez dans 42 secondes.",
    );
    expect(problemMessage(problem({ status: 429, code: "rate-limited", retryAfterSeconds: 61 }), "en")).toBe(
      "Too many attempts. Try again in 2 minutes.",
    );
  });

  it("says the service's storage is full in the API's words, not as a generic error", () => {
    const title = "Enregistrement impossible pour le moment : l’espace de stockage du service est plein.";
    expect(problemMessage(problem({ status: 503, code: "storage-full", title }), "fr")).toBe(title);
  });

  it("never tells whether an e-mail exists", () => {
    expect(problemMessage(problem({ status: 401, code: "invalid-credentials" }), "fr")).toBe(
      "E-mail ou mot de passe incorrect.",
    );
  });

  it("falls back to the API's localized detail, then title", () => {
    expect(problemMessage(problem({ status: 403, code: "not-entitled", detail: "D" }), "fr")).toBe("D");
    expect(problemMessage(problem({ status: 409, code: "conflict", title: "Conflit" }), "fr")).toBe(
      "Conflit",
    );
    expect(problemMessage(problem({ status: 500, code: "internal-error" }), "en")).toMatch(
      /Something went wrong/,
    );
  });
});

describe("errorsFromProblem", () => {
  it("puts field errors next to known fields and the rest in the summary", () => {
    const errors = errorsFromProblem(
      problem({
        status: 422,
        code: "validation-failed",
        errors: [
          { field: "subject", code: "too-small", message: "Ce champ est obligatoire." },
          { field: "linkedRequestId", code: "x", message: "Autre." },
        ],
      }),
      "fr",
      ["subject", "body"],
    );
    expect(errors.fields).toEqual({ subject: "Ce champ est obligatoire." });
    expect(errors.general).toEqual(["Autre."]);
  });

  it("uses the problem's message when it is not a validation failure", () => {
    expect(
      errorsFromProblem(problem({ status: 503, code: "service-unavailable" }), "en", []).general[0],
    ).toMatch(/temporarily unavailable/);
  });
});

describe("fieldId", () => {
  it("makes a safe id", () => {
    expect(fieldId("currentPassword")).toBe("field-currentPassword");
    expect(fieldId("a.b")).toBe("field-a-b");
  });
});
