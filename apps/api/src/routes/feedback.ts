/** POST /v1/feedback: "Was this helpful?" from the help center, rate-limited per IP. */
import { locales } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { defineRoute } from "../access.ts";
import type { AppEnv } from "../app-env.ts";
import { bucketPolicies, consumeToken } from "../auth/rate-limit.ts";
import { newId } from "../db/ids.ts";
import { clientIp } from "../middleware/client-ip.ts";
import { Problem } from "../problems.ts";
import { createRouter } from "../router.ts";
import { json, jsonBody, problems } from "./schemas.ts";

const FeedbackSchema = z
  .strictObject({
    article: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[a-z0-9/_-]+$/i)
      .openapi({ example: "fr/support-offer" }),
    locale: z.enum(locales),
    helpful: z.boolean(),
    comment: z.string().trim().max(2000).optional(),
  })
  .openapi("FeedbackInput");

const postFeedback = defineRoute("public", {
  method: "post",
  path: "/v1/feedback",
  tags: ["Public"],
  summary: "Record whether a help article was helpful",
  request: { body: jsonBody(FeedbackSchema) },
  responses: {
    201: json(z.object({ id: z.string() }), "Recorded"),
    ...problems(400, 413, 422, 429),
  },
});

/**
 * The help center is another origin (its own port or host), so its widget's JSON POST needs CORS:
 * allowed for the help center's origin on this one route only — CORS stays closed everywhere else.
 */
const helpCenterCors = cors({
  origin: (origin, c: Context<AppEnv>) =>
    origin === new URL(c.get("deps").config.helpUrl).origin ? origin : null,
  allowMethods: ["POST"],
  allowHeaders: ["content-type", "accept-language"],
  maxAge: 600,
});

export function feedbackRoutes() {
  const router = createRouter();
  router.use("/v1/feedback", helpCenterCors);
  return router.openapi(postFeedback, async (c) => {
    const { db, clock } = c.get("deps");
    const input = c.req.valid("json");
    const now = clock();
    const limit = await consumeToken(db, `feedback:ip:${clientIp(c)}`, bucketPolicies.feedbackIp, now);
    if (!limit.allowed) {
      throw new Problem("rate-limited", { headers: { "retry-after": String(limit.retryAfterSeconds) } });
    }
    const id = newId();
    await db
      .insertInto("feedback")
      .values({
        id,
        article: input.article,
        locale: input.locale,
        helpful: input.helpful ? 1 : 0,
        comment: input.comment || null,
        createdAt: now.toISOString(),
      })
      .execute();
    return c.json({ id }, 201);
  });
}
