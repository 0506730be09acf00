/** Turns schema validation failures into a `validation-failed` problem with per-field messages. */
import type { Locale } from "@cirrus/domain";
import type { z } from "@hono/zod-openapi";
import { type FieldError, Problem } from "./problems.ts";

type Issue = z.core.$ZodIssue;

function message(issue: Issue, locale: Locale): string {
  const fr = locale === "fr";
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? fr
          ? "Ce champ est obligatoire."
          : "This field is required."
        : fr
          ? `Type attendu : ${issue.expected}.`
          : `Expected ${issue.expected}.`;
    case "too_small":
      if (issue.origin === "string") {
        return issue.minimum === 1
          ? fr
            ? "Ce champ est obligatoire."
            : "This field is required."
          : fr
            ? `Au moins ${issue.minimum} caractères.`
            : `At least ${issue.minimum} characters.`;
      }
      return fr ? `Minimum : ${issue.minimum}.` : `Minimum: ${issue.minimum}.`;
    case "too_big":
      return issue.origin === "string"
        ? fr
          ? `Au plus ${issue.maximum} caractères.`
          : `At most ${issue.maximum} characters.`
        : fr
          ? `Maximum : ${issue.maximum}.`
          : `Maximum: ${issue.maximum}.`;
    case "invalid_value":
      return fr
        ? `Valeur non reconnue. Valeurs possibles : ${issue.values.join(", ")}.`
        : `Unknown value. Possible values: ${issue.values.join(", ")}.`;
    case "invalid_format":
      return issue.format === "email"
        ? fr
          ? "Adresse e-mail invalide."
          : "Invalid e-mail address."
        : fr
          ? "Format invalide."
          : "Invalid format.";
    case "unrecognized_keys":
      return fr ? `Champ inconnu : ${issue.keys.join(", ")}.` : `Unknown field: ${issue.keys.join(", ")}.`;
    default:
      return fr ? "Valeur invalide." : "Invalid value.";
  }
}

/** The field errors of a failed parse, one per issue, with dotted paths (`unrecognized_keys` per key). */
export function fieldErrors(error: z.ZodError, locale: Locale): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        code: "unknown-field",
        message: message(issue, locale),
      }));
    }
    return [
      { field: base || "(body)", code: issue.code.replaceAll("_", "-"), message: message(issue, locale) },
    ];
  });
}

/**
 * Throws a `validation-failed` problem listing the given field errors.
 * @example failValidation([{ field: "subject", code: "required", message: "…" }])
 */
export function failValidation(errors: FieldError[]): never {
  throw new Problem("validation-failed", { extra: { errors } });
}
