/** Canned replies: reusable answer texts in French or English that agents insert into their replies. */
import { locales } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "../commands/canned-replies.ts";
import { listCannedReplies, presentCannedReply } from "../queries/canned-replies.ts";
import { createRouter } from "../router.ts";
import { IdParamSchema, json, jsonBody, problems, text } from "./schemas.ts";

const tags = ["Agent"];

export const cannedReplyLimits = { title: 120, body: 5_000 } as const;

/** One line: a title is shown in a picker, and PostgreSQL cannot store NUL (refused by `text`). */
const title = text(1, cannedReplyLimits.title).regex(/^\P{Cc}*$/u, { message: "single line" });
const body = text(1, cannedReplyLimits.body);

export const CannedReplySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    locale: z.enum(locales),
    updatedAt: z.string(),
  })
  .openapi("CannedReply");

export const CreateCannedReplyInput = z
  .strictObject({
    title: title.openapi({ description: `Trimmed, 1–${cannedReplyLimits.title} characters, one line` }),
    body: body.openapi({ description: `Trimmed, 1–${cannedReplyLimits.body} characters` }),
    locale: z.enum(locales).openapi({ description: "The language the text is written in" }),
  })
  .openapi("CreateCannedReply");

export const UpdateCannedReplyInput = z
  .strictObject({ title: title.optional(), body: body.optional(), locale: z.enum(locales).optional() })
  .openapi("UpdateCannedReply");

/** A canned reply as the portal receives it. */
export type CannedReply = z.infer<typeof CannedReplySchema>;

const listCannedRepliesRoute = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/canned-replies",
  tags,
  summary: "Every canned reply, by title",
  responses: {
    200: json(z.object({ items: z.array(CannedReplySchema) }), "Canned replies"),
    ...problems(401, 403),
  },
});

const createCannedReplyRoute = defineRoute("staff", {
  method: "post",
  path: "/v1/agent/canned-replies",
  tags,
  summary: "Add a canned reply",
  request: { body: jsonBody(CreateCannedReplyInput) },
  responses: { 201: json(CannedReplySchema, "Created"), ...problems(400, 401, 403, 413, 422) },
});

const updateCannedReplyRoute = defineRoute("staff", {
  method: "patch",
  path: "/v1/agent/canned-replies/{id}",
  tags,
  summary: "Change a canned reply's title, text or language",
  request: { params: IdParamSchema, body: jsonBody(UpdateCannedReplyInput) },
  responses: { 200: json(CannedReplySchema, "Updated"), ...problems(400, 401, 403, 404, 413, 422) },
});

const deleteCannedReplyRoute = defineRoute("staff", {
  method: "delete",
  path: "/v1/agent/canned-replies/{id}",
  tags,
  summary: "Delete a canned reply",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 422) },
});

export function cannedReplyRoutes() {
  return createRouter()
    .openapi(listCannedRepliesRoute, async (c) => {
      return c.json(await listCannedReplies(c.get("deps").db), 200);
    })
    .openapi(createCannedReplyRoute, async (c) => {
      const { db, clock } = c.get("deps");
      const row = await createCannedReply(db, authOf(c).user, c.req.valid("json"), clock());
      return c.json(presentCannedReply(row), 201);
    })
    .openapi(updateCannedReplyRoute, async (c) => {
      const { db, clock } = c.get("deps");
      const row = await updateCannedReply(db, c.req.valid("param").id, c.req.valid("json"), clock());
      return c.json(presentCannedReply(row), 200);
    })
    .openapi(deleteCannedReplyRoute, async (c) => {
      await deleteCannedReply(c.get("deps").db, c.req.valid("param").id);
      return c.body(null, 204);
    });
}
