/** The audit trail of staff administration (admins only): who changed which organization, user or invitation. */
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../access.ts";
import { auditEntityTypes, listAuditEntries } from "../queries/audit.ts";
import { createRouter } from "../router.ts";
import { pageOf } from "./admin-schemas.ts";
import { IdSchema, json, problems } from "./schemas.ts";

const AuditQuery = z.object({
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: IdSchema.optional().openapi({ description: "One record's history (with or without entityType)" }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  // Spelled out: the generator calls a coerced number with min(0) nullable (Number(null) is 0).
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .openapi({ type: "integer", minimum: 0, maximum: 1_000_000, default: 0 }),
});

const Snapshot = z.record(z.string(), z.unknown()).nullable();

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }),
    action: z.string().openapi({ example: "organization.update" }),
    entityType: z.enum(auditEntityTypes),
    entityId: z.string(),
    before: Snapshot.openapi({ description: "The changed fields before the action (null on creation)" }),
    after: Snapshot.openapi({ description: "The changed fields after the action" }),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");

/** One entry of the audit log as the portal receives it. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const listAuditRoute = defineRoute("admin", {
  method: "get",
  path: "/v1/admin/audit",
  tags: ["Admin"],
  summary: "The audit log of staff administration, newest first (filter by entity type and id)",
  request: { query: AuditQuery },
  responses: { 200: json(pageOf(AuditEntrySchema), "A page of the audit log"), ...problems(401, 403, 422) },
});

export function auditRoutes() {
  return createRouter().openapi(listAuditRoute, async (c) => {
    return c.json(await listAuditEntries(c.get("deps").db, c.req.valid("query")), 200);
  });
}
