/** Staff side of requests: the queue, full detail, replies and notes, status, criticality, assignment, quotes. */
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import type { AppDeps } from "../app-env.ts";
import { decideQuote, proposeQuote } from "../commands/quotes.ts";
import { addMessage, assignRequest, changeCriticality, changeStatus } from "../commands/requests.ts";
import { loadQueue } from "../queries/queue.ts";
import { agentRequestDetail } from "../queries/request-detail.ts";
import { findRequest, presentQuote } from "../queries/requests.ts";
import { listStaff } from "../queries/users.ts";
import { createRouter } from "../router.ts";
import {
  AgentMessageInput,
  AgentRequestDetailSchema,
  AssignInput,
  CriticalityInput,
  ProposeQuoteInput,
  QueueQuery,
  QueueSchema,
  StaffMemberSchema,
  StatusInput,
} from "./agent-schemas.ts";
import { QuoteParamsSchema, QuoteSchema } from "./request-schemas.ts";
import { IdParamSchema, json, jsonBody, problems } from "./schemas.ts";

const tags = ["Agent"];

const getQueue = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/queue",
  tags,
  summary: "The support queue in priority order (premium first, then criticality, due time, age)",
  request: { query: QueueQuery },
  responses: { 200: json(QueueSchema, "A page of the queue"), ...problems(401, 403, 422) },
});

const getRequest = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/requests/{id}",
  tags,
  summary: "One request with internal notes, full history, quotes, organization and related requests",
  request: { params: IdParamSchema },
  responses: { 200: json(AgentRequestDetailSchema, "The request"), ...problems(401, 403, 404, 422) },
});

const postMessage = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/messages",
  tags,
  summary: "Reply to the customer or add an internal note, optionally changing the status",
  request: { params: IdParamSchema, body: jsonBody(AgentMessageInput) },
  responses: { 201: json(AgentRequestDetailSchema, "Added"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const postAssign = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/assign",
  tags,
  summary: "Assign to a staff member, or unassign (null)",
  request: { params: IdParamSchema, body: jsonBody(AssignInput) },
  responses: { 200: json(AgentRequestDetailSchema, "Assigned"), ...problems(400, 401, 403, 404, 413, 422) },
});

const postStatus = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/status",
  tags,
  summary: "Change the status (resolve, wait on the customer, reopen, close…)",
  request: { params: IdParamSchema, body: jsonBody(StatusInput) },
  responses: {
    200: json(AgentRequestDetailSchema, "Changed"),
    ...problems(400, 401, 403, 404, 409, 413, 422),
  },
});

const postCriticality = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/criticality",
  tags,
  summary: "Re-classify criticality (the reason is kept in history)",
  request: { params: IdParamSchema, body: jsonBody(CriticalityInput) },
  responses: { 200: json(AgentRequestDetailSchema, "Changed"), ...problems(400, 401, 403, 404, 413, 422) },
});

const postQuote = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/quotes",
  tags,
  summary: "Propose a quote on a custom-development request (supersedes an open proposal)",
  request: { params: IdParamSchema, body: jsonBody(ProposeQuoteInput) },
  responses: { 201: json(QuoteSchema, "Proposed"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const postWithdrawQuote = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/requests/{id}/quotes/{quoteId}/withdraw",
  tags,
  summary: "Withdraw a proposed quote",
  request: { params: QuoteParamsSchema },
  responses: { 200: json(QuoteSchema, "Withdrawn"), ...problems(401, 403, 404, 409, 422) },
});

const getStaff = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/staff",
  tags,
  summary: "Active staff members (agents and admins), for assignment menus",
  responses: { 200: json(z.object({ items: z.array(StaffMemberSchema) }), "Staff"), ...problems(401, 403) },
});

/** A request by id or reference, any organization (staff see them all). */
function findAnyRequest(db: AppDeps["db"], idOrReference: string) {
  return findRequest(db, idOrReference, null);
}

export function agentRoutes() {
  return createRouter()
    .openapi(getQueue, async (c) => {
      const { db, clock } = c.get("deps");
      return c.json(await loadQueue(db, c.req.valid("query"), authOf(c).user.id, clock()), 200);
    })
    .openapi(getRequest, async (c) => {
      const { db, clock } = c.get("deps");
      const request = await findAnyRequest(db, c.req.valid("param").id);
      return c.json(await agentRequestDetail(db, request, clock()), 200);
    })
    .openapi(postMessage, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const updated = await addMessage(db, request, user, c.req.valid("json"), now, config);
      return c.json(await agentRequestDetail(db, updated, now), 201);
    })
    .openapi(postAssign, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const updated = await assignRequest(db, request, user, c.req.valid("json").assigneeId, now);
      return c.json(await agentRequestDetail(db, updated, now), 200);
    })
    .openapi(postStatus, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const { status, reason } = c.req.valid("json");
      const now = clock();
      const updated = await changeStatus(
        db,
        request,
        { user, as: "agent" },
        status,
        reason ?? null,
        now,
        config,
      );
      return c.json(await agentRequestDetail(db, updated, now), 200);
    })
    .openapi(postCriticality, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const { criticality, reason } = c.req.valid("json");
      const now = clock();
      const updated = await changeCriticality(db, request, user, criticality, reason, now);
      return c.json(await agentRequestDetail(db, updated, now), 200);
    })
    .openapi(postQuote, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { user } = authOf(c);
      const request = await findAnyRequest(db, c.req.valid("param").id);
      const now = clock();
      const quote = await proposeQuote(db, request, user, c.req.valid("json"), now, config, c.get("locale"));
      return c.json(presentQuote(quote, now), 201);
    })
    .openapi(postWithdrawQuote, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const { id, quoteId } = c.req.valid("param");
      const request = await findAnyRequest(db, id);
      const now = clock();
      const quote = await decideQuote(db, request, quoteId, user, "withdrawn", now);
      return c.json(presentQuote(quote, now), 200);
    })
    .openapi(getStaff, async (c) => {
      return c.json({ items: await listStaff(c.get("deps").db) }, 200);
    });
}
