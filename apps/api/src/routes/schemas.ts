/** Schemas shared by several resources: problems, ids, paging, localized text, status filters. */
import { type RequestStatusId, requestStatusIds } from "@cirrus/domain";
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
    415: "Unsupported content or file type",
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

/** An app-generated id (or a reference such as `CS-000123`, where a route accepts one). */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);

export const IdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: "id", in: "path" }, example: "CS-000123" }),
});

/**
 * A comma-separated list of request statuses as a query parameter (`new,open`): blank means no
 * filter, repeats count once, an unknown status is a field error.
 */
export const statusListParam = (description: string, example: string) =>
  z
    .string()
    .max(200)
    .optional()
    .openapi({ description, example })
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const list = [...new Set(v.split(",").map((s) => s.trim()))];
      for (const s of list) {
        if (!(requestStatusIds as readonly string[]).includes(s)) {
          ctx.addIssue({
            code: "invalid_value",
            values: [...requestStatusIds],
            input: s,
            message: "unknown status",
          });
          return z.NEVER;
        }
      }
      return list as RequestStatusId[];
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
