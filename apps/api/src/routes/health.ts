/**
 * GET /health: liveness plus a database round trip, for load balancers.
 * GET /ready: readiness — the database answers, its schema is at the latest migration and the
 * process is not shutting down; otherwise 503 (problem+json), so a load balancer or an orchestrator
 * sends traffic only to an instance that can serve it.
 */
import { z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { defineRoute } from "../access.ts";
import { pendingMigrations } from "../db/migrate.ts";
import { Problem } from "../problems.ts";
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

const getReady = defineRoute("public", {
  method: "get",
  path: "/ready",
  tags: ["System"],
  summary: "Readiness check",
  description:
    "200 when the database answers, its schema is at the latest migration and the instance is not " +
    "shutting down; 503 otherwise (`detail` says which).",
  responses: {
    200: json(
      z.object({
        status: z.literal("ready"),
        engine: z.enum(["sqlite", "postgres"]),
        migrations: z.number(),
      }),
      "Ready to serve",
    ),
    ...problems(503),
  },
});

export function healthRoutes() {
  return createRouter()
    .openapi(getHealth, async (c) => {
      const { db, engine, clock } = c.get("deps");
      await sql`select 1`.execute(db);
      return c.json({ status: "ok" as const, engine, time: clock().toISOString() }, 200);
    })
    .openapi(getReady, async (c) => {
      const { db, engine, stopping } = c.get("deps");
      const unavailable = (detail: string) =>
        new Problem("service-unavailable", { detail, headers: { "retry-after": "5" } });
      if (stopping?.()) throw unavailable("Shutting down.");
      // A database that does not answer throws here and is mapped to 503 like on any route.
      const { pending, applied } = await pendingMigrations(db);
      if (pending.length > 0) throw unavailable(`Migrations not applied: ${pending.join(", ")}.`);
      return c.json({ status: "ready" as const, engine, migrations: applied }, 200);
    });
}
