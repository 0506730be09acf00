/**
 * Customer requests: list the organization's requests, open one (checked against the plan), read
 * it, reply, close / reopen, accept or decline a quote. All users of an organization see all of its
 * requests; another organization's request is "not found".
 */
import {
  type categoryAccess,
  criticalityIds,
  DomainError,
  localize,
  requestCategories,
  requestCategoryIds,
  supportOptions,
  tiers,
} from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { decideQuote } from "../commands/quotes.ts";
import { addMessage, changeStatus, openRequest } from "../commands/requests.ts";
import { Problem } from "../problems.ts";
import { requestDetail } from "../queries/request-detail.ts";
import { findRequest, listOrganizationRequests, presentQuote } from "../queries/requests.ts";
import { createRouter } from "../router.ts";
import {
  AttachmentIdsSchema,
  limits,
  QuoteParamsSchema,
  QuoteSchema,
  RequestDetailSchema,
  RequestSummarySchema,
} from "./request-schemas.ts";
import { IdParamSchema, json, jsonBody, problems, statusListParam, text } from "./schemas.ts";

const ListQuery = z.object({
  status: statusListParam("Comma-separated statuses", "new,open"),
  category: z.enum(requestCategoryIds).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["updated", "newest", "oldest"]).default("updated"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

const listRequests = defineRoute("customer", {
  method: "get",
  path: "/v1/requests",
  tags: ["Requests"],
  summary: "My organization's requests (filters, search, cursor paging)",
  request: { query: ListQuery },
  responses: {
    200: json(
      z.object({ items: z.array(RequestSummarySchema), nextCursor: z.string().nullable() }),
      "A page of requests",
    ),
    ...problems(401, 403, 422),
  },
});

const OpenRequestInput = z
  .strictObject({
    subject: text(1, limits.subject),
    category: z.enum(requestCategoryIds),
    body: text(1, limits.body).openapi({
      description: "The first message (for a quote: the description of the need)",
    }),
    criticality: z
      .enum(criticalityIds)
      .optional()
      .openapi({ description: "Premium only; ignored otherwise" }),
    linkedRequestId: z.string().max(64).optional(),
    attachmentIds: AttachmentIdsSchema,
  })
  .openapi("OpenRequestInput");

const createRequest = defineRoute("customer", {
  method: "post",
  path: "/v1/requests",
  tags: ["Requests"],
  summary: "Open a request (a custom-development one asks for a quote)",
  request: { body: jsonBody(OpenRequestInput) },
  responses: { 201: json(RequestDetailSchema, "Opened"), ...problems(400, 401, 403, 413, 422) },
});

const getRequest = defineRoute("customer", {
  method: "get",
  path: "/v1/requests/{id}",
  tags: ["Requests"],
  summary: "One request with its public conversation, history and quotes",
  request: { params: IdParamSchema },
  responses: { 200: json(RequestDetailSchema, "The request"), ...problems(401, 403, 404, 422) },
});

const replyToRequest = defineRoute("customer", {
  method: "post",
  path: "/v1/requests/{id}/messages",
  tags: ["Requests"],
  summary: "Reply (reopens a waiting or resolved request)",
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .strictObject({ body: text(1, limits.body), attachmentIds: AttachmentIdsSchema })
        .openapi("ReplyInput"),
    ),
  },
  responses: { 201: json(RequestDetailSchema, "Added"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const statusAction = (action: "close" | "reopen") =>
  defineRoute("customer", {
    method: "post",
    path: `/v1/requests/{id}/${action}`,
    tags: ["Requests"],
    summary: action === "close" ? "Close my request" : "Reopen a resolved or closed request (within 30 days)",
    request: { params: IdParamSchema },
    responses: { 200: json(RequestDetailSchema, "Updated"), ...problems(401, 403, 404, 409, 422) },
  });

const quoteAction = (action: "accept" | "decline") =>
  defineRoute("customer", {
    method: "post",
    path: `/v1/requests/{id}/quotes/{quoteId}/${action}`,
    tags: ["Quotes"],
    summary: action === "accept" ? "Accept a proposed quote" : "Decline a proposed quote",
    request: { params: QuoteParamsSchema },
    responses: { 200: json(QuoteSchema, "Decided"), ...problems(401, 403, 404, 409, 422) },
  });

/** 403 message naming the option (and plans) a category needs, in the caller's language. */
function notEntitled(error: DomainError, locale: "fr" | "en"): Problem {
  const details = error.details as unknown as ReturnType<typeof categoryAccess> & {
    tier: keyof typeof tiers;
  };
  const option = localize(supportOptions[details.requiredOption].label, locale);
  const category = localize(requestCategories[details.category].label, locale);
  const plans = details.tiersWithOption
    .map((t) => localize(tiers[t].label, locale))
    .join(locale === "fr" ? " ou " : " or ");
  const detail =
    locale === "fr"
      ? `Les demandes « ${category} » nécessitent l’option « ${option} »${details.purchasableAsAddOn ? ", disponible en option pour votre offre" : `, incluse dans : ${plans}`}.`
      : `“${category}” requests need the “${option}” option${details.purchasableAsAddOn ? ", available as an add-on for your plan" : `, included in: ${plans}`}.`;
  return new Problem("not-entitled", { detail, extra: { details } });
}

/** What customers see of a request: its public conversation, never internal notes. */
const customerView = { actor: "customer", includeInternal: false } as const;

export function requestRoutes() {
  return createRouter()
    .openapi(listRequests, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const page = await listOrganizationRequests(
        db,
        user.organizationId ?? "",
        c.req.valid("query"),
        clock(),
      );
      return c.json(page, 200);
    })
    .openapi(createRequest, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const input = c.req.valid("json");
      const now = clock();
      try {
        const request = await openRequest(db, user, input, now, config);
        return c.json(await requestDetail(db, request, customerView, now), 201);
      } catch (error) {
        if (error instanceof DomainError && error.code === "not-entitled")
          throw notEntitled(error, c.get("locale"));
        throw error;
      }
    })
    .openapi(getRequest, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findRequest(db, c.req.valid("param").id, user.organizationId ?? "");
      return c.json(await requestDetail(db, request, customerView, clock()), 200);
    })
    .openapi(replyToRequest, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findRequest(db, c.req.valid("param").id, user.organizationId ?? "");
      const now = clock();
      const updated = await addMessage(
        db,
        request,
        user,
        { ...c.req.valid("json"), visibility: "public" },
        now,
        config,
      );
      return c.json(await requestDetail(db, updated, customerView, now), 201);
    })
    .openapi(statusAction("close"), async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findRequest(db, c.req.valid("param").id, user.organizationId ?? "");
      const now = clock();
      const updated = await changeStatus(db, request, { user, as: "customer" }, "closed", null, now, config);
      return c.json(await requestDetail(db, updated, customerView, now), 200);
    })
    .openapi(statusAction("reopen"), async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findRequest(db, c.req.valid("param").id, user.organizationId ?? "");
      const now = clock();
      const updated = await changeStatus(db, request, { user, as: "customer" }, "open", null, now, config);
      return c.json(await requestDetail(db, updated, customerView, now), 200);
    })
    .openapi(quoteAction("accept"), async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const { id, quoteId } = c.req.valid("param");
      const request = await findRequest(db, id, user.organizationId ?? "");
      const quote = await decideQuote(db, request, quoteId, user, "accepted", clock());
      return c.json(presentQuote(quote, clock()), 200);
    })
    .openapi(quoteAction("decline"), async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const { id, quoteId } = c.req.valid("param");
      const request = await findRequest(db, id, user.organizationId ?? "");
      const quote = await decideQuote(db, request, quoteId, user, "declined", clock());
      return c.json(presentQuote(quote, clock()), 200);
    });
}
