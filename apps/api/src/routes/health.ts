/** GET /health: liveness plus a database round trip, for load balancers. */
import { z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { defineRoute } from "../access.ts";
import { createRouter } from "../router.ts";
import { json, problems } from "./schemas.ts";

const getHealth = defineRoute("public", {
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Health check",
  responses: {
    200: json(
      z.object({ status: z.literal("ok"), engine: z.enum(["sqlite", "postgres"]), time: z.string() }),
      "Healthy",
    ),
    ...problems(503),
  },
});

export function healthRoutes() {
  return createRouter().openapi(getHealth, async (c) => {
    const { db, engine, clock } = c.get("deps");
    await sql`select 1`.execute(db);
    return c.json({ status: "ok" as const, engine, time: clock().toISOString() }, 200);
  });
}
