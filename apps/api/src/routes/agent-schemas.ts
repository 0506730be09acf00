/** Request and response schemas of the staff side of requests (queue, agent detail, replies, changes, quotes). */
import { criticalityIds, requestCategoryIds, requestStatusIds, roleIds, tierIds } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { AttachmentIdsSchema, limits, RequestDetailSchema, RequestSummarySchema } from "./request-schemas.ts";
import { statusListParam, text } from "./schemas.ts";
import { OrganizationSchema } from "./user-schemas.ts";

const criticalityFilterIds = [...criticalityIds, "unclassified"] as const;

export const QueueQuery = z.object({
  view: z.enum(["all", "mine", "unassigned"]).default("all").openapi({ description: "mine: assigned to me" }),
  tier: z.enum(tierIds).optional().openapi({ description: "Tier fixed when the request was received" }),
  criticality: z.enum(criticalityFilterIds).optional(),
  category: z.enum(requestCategoryIds).optional(),
  status: statusListParam(
    "Comma-separated statuses (default: new, open, waiting-on-customer)",
    "new,open,resolved",
  ),
  breached: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "Only requests whose running SLA clock is (true) or is not (false) past due" })
    .transform((v) => (v === undefined ? undefined : v === "true")),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "Words of the subject, or a reference CS-000123" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Spelled out: the generator calls a coerced number with min(0) nullable (Number(null) is 0).
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(0)
    .openapi({ type: "integer", minimum: 0, maximum: 10_000, default: 0 }),
});

const QueueItemSchema = RequestSummarySchema.extend({
  organization: z.object({ id: z.string(), name: z.string() }),
}).openapi("QueueItem");

export const QueueSchema = z
  .object({
    items: z.array(QueueItemSchema),
    total: z.number().int().openapi({ description: "Requests matching the filters" }),
    limit: z.number().int(),
    offset: z.number().int(),
    counts: z
      .object({
        all: z.number().int(),
        mine: z.number().int(),
        unassigned: z.number().int(),
        breached: z.number().int(),
      })
      .openapi({ description: "Sizes of the views over every active request (other filters not applied)" }),
  })
  .openapi("Queue");

export const AgentRequestDetailSchema = RequestDetailSchema.extend({
  organization: OrganizationSchema,
  related: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        subject: z.string(),
        status: z.enum(requestStatusIds),
        updatedAt: z.string(),
      }),
    )
    .openapi({
      description: "Up to 10 other requests of the same organization, most recently updated first",
    }),
}).openapi("AgentRequestDetail");

/** The queue page and the agent's view of a request, as the portal receives them. */
export type Queue = z.infer<typeof QueueSchema>;
export type AgentRequestDetail = z.infer<typeof AgentRequestDetailSchema>;

export const StaffMemberSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(roleIds) })
  .openapi("StaffMember");

export const AgentMessageInput = z
  .strictObject({
    body: text(1, limits.body),
    visibility: z
      .enum(["public", "internal"])
      .openapi({ description: "internal: a note the customer never sees" }),
    status: z
      .enum(requestStatusIds)
      .optional()
      .openapi({ description: "A new status to set with the message" }),
    reason: text(1, limits.reason)
      .optional()
      .openapi({ description: "Why the status changes (kept in history)" }),
    attachmentIds: AttachmentIdsSchema,
  })
  .openapi("AgentMessageInput");

export const AssignInput = z
  .strictObject({
    assigneeId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .openapi({ description: "A staff user's id; null unassigns" }),
  })
  .openapi("AssignInput");

export const StatusInput = z
  .strictObject({ status: z.enum(requestStatusIds), reason: text(1, limits.reason).optional() })
  .openapi("StatusInput");

export const CriticalityInput = z
  .strictObject({
    criticality: z.enum(criticalityIds).nullable().openapi({ description: "null: unclassified" }),
    reason: text(1, limits.reason).openapi({ description: "Why (kept in history with who changed it)" }),
  })
  .openapi("CriticalityInput");

// Only types here: the domain's validateQuoteProposal checks the values and words the messages,
// so one response lists every field to fix.
export const ProposeQuoteInput = z
  .strictObject({
    amountCents: z
      .number()
      .openapi({ description: "Amount excluding VAT, in euro cents (an integer)", example: 480000 }),
    effortDays: z.number().openapi({ description: "Estimated effort in days, by half days", example: 6 }),
    validUntil: z
      .string()
      .max(32)
      .openapi({ description: "Last day it can be accepted, YYYY-MM-DD (Europe/Paris)" }),
    terms: z.string().trim(),
  })
  .openapi("ProposeQuoteInput");
