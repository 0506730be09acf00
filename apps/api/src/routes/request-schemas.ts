/** Schemas for requests (summary, detail, SLA, quotes, quote paths), shared by customer and agent routes. */
import {
  attachmentLimits,
  channelIds,
  criticalityIds,
  quoteStatusIds,
  requestCategoryIds,
  requestStatusIds,
  roleIds,
  tierIds,
} from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { IdParamSchema } from "./schemas.ts";

export const SlaSchema = z
  .object({
    phase: z.enum(["first-response", "reply", "paused", "none"]),
    dueAt: z.string().nullable(),
    remainingBusinessMillis: z.number().nullable(),
    breached: z.boolean(),
    firstResponse: z.enum(["met", "breached", "pending", "none"]),
  })
  .openapi("Sla");

export const RequestSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: "CS-000123" }),
    subject: z.string(),
    category: z.enum(requestCategoryIds),
    criticality: z.enum(criticalityIds).nullable(),
    tier: z.enum(tierIds),
    status: z.enum(requestStatusIds),
    channel: z.enum(channelIds),
    receivedAt: z.string(),
    updatedAt: z.string(),
    statusChangedAt: z.string(),
    firstResponseDueAt: z.string().nullable(),
    firstRespondedAt: z.string().nullable(),
    openedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    assigneeId: z.string().nullable(),
    sla: SlaSchema,
  })
  .openapi("RequestSummary");

const ActorSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(roleIds) });

export const QuoteSchema = z
  .object({
    id: z.string(),
    status: z.enum(quoteStatusIds),
    amountCents: z.number().int(),
    effortDays: z.number(),
    validUntil: z.string(),
    terms: z.string(),
    proposedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("Quote");

/** Path parameters of a request's quote: `/…/requests/{id}/quotes/{quoteId}/…`. */
export const QuoteParamsSchema = IdParamSchema.extend({
  quoteId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "quoteId", in: "path" } }),
});

export const AttachmentSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ description: "Sanitized file name", example: "capture.png" }),
    mediaType: z.string().openapi({ description: "Detected from the content", example: "image/png" }),
    size: z.number().int().openapi({ description: "Bytes" }),
    sha256: z.string().openapi({ description: "Hex SHA-256 of the content" }),
    inline: z.boolean().openapi({ description: "A raster image that may be shown as a thumbnail" }),
    createdAt: z.string(),
  })
  .openapi("Attachment");

/** Ids of files uploaded with POST /v1/attachments, to attach to a new message. */
export const AttachmentIdsSchema = z
  .array(z.string().min(1).max(64))
  .max(attachmentLimits.maxFilesPerMessage)
  .optional()
  .openapi({ description: "Pending uploads (POST /v1/attachments) to attach to this message" });

export const RequestDetailSchema = RequestSummarySchema.extend({
  messages: z.array(
    z.object({
      id: z.string(),
      visibility: z.enum(["public", "internal"]),
      body: z.string(),
      createdAt: z.string(),
      author: ActorSchema,
      attachments: z.array(AttachmentSchema),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["status", "criticality", "assignee", "quote"]),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
      createdAt: z.string(),
      actor: ActorSchema.nullable(),
    }),
  ),
  quotes: z.array(QuoteSchema),
  linkedRequest: z.object({ id: z.string(), reference: z.string(), subject: z.string() }).nullable(),
  allowedTransitions: z.array(z.enum(requestStatusIds)),
  reopenDeadline: z.string().nullable(),
  autoCloseAt: z.string().nullable(),
}).openapi("RequestDetail");

/** Limits of user-typed text. */
export const limits = { subject: 200, body: 20_000, reason: 1_000 } as const;
