/** Schemas shared by several resources: problems, ids, paging, localized text. */
import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: "not-found" }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "Field-level errors (validation-failed)." }),
  })
  .openapi("Problem");

/** Problem responses for the given statuses, for a route's `responses`. */
export function problems<const S extends readonly number[]>(...statuses: S) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    409: "Conflicts with the current state",
    413: "Body too large",
    422: "Invalid fields",
    429: "Too many attempts (see Retry-After)",
    503: "Temporarily unavailable (see Retry-After)",
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? "Error",
        content: { "application/problem+json": { schema: ProblemSchema } },
      },
    ]),
  ) as {
    [K in S[number]]: {
      description: string;
      content: { "application/problem+json": { schema: typeof ProblemSchema } };
    };
  };
}

export const LocalizedSchema = z.object({ fr: z.string(), en: z.string() }).openapi("Localized");

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/)
    .openapi({ param: { name: "id", in: "path" }, example: "CS-000123" }),
});

/** Trimmed text with length limits (counted after trimming); NUL characters are refused (PostgreSQL cannot store them). */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes("\u0000"), { message: "NUL character" });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
