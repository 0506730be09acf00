/** The staff dashboard: requests received per day and week, first-response SLA, response times, backlog. */
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../access.ts";
import { loadDashboard } from "../queries/dashboard.ts";
import { backlogAgeBuckets, backlogCriticalities, slaTiers } from "../queries/dashboard-figures.ts";
import { createRouter } from "../router.ts";
import { json, problems } from "./schemas.ts";

const DashboardQuery = z.object({
  days: z
    .enum(["30", "90"])
    .default("30")
    .openapi({ description: "Window: the last 30 or 90 Europe/Paris calendar days, today included" })
    .transform(Number),
});

const minutes = (description: string) => z.number().nullable().openapi({ description });

export const DashboardSchema = z
  .object({
    generatedAt: z.string().openapi({ description: "When the figures were computed (ISO-8601 UTC)" }),
    days: z.number().int(),
    receivedPerDay: z
      .array(z.object({ date: z.string().openapi({ example: "2026-11-26" }), count: z.number().int() }))
      .openapi({
        description: "Requests received per Europe/Paris date, every day of the window, oldest first",
      }),
    receivedPerWeek: z
      .array(z.object({ weekStart: z.string().openapi({ example: "2026-11-23" }), count: z.number().int() }))
      .openapi({
        description:
          "Weeks (from Monday, Paris) overlapping the window, oldest first; only the window's days count, so the first and last weeks may be partial",
      }),
    firstResponseSla: z
      .array(
        z.object({
          tier: z.enum(slaTiers),
          total: z.number().int(),
          met: z.number().int().openapi({ description: "First response at or before its due time" }),
          breached: z
            .number()
            .int()
            .openapi({ description: "Answered late, or unanswered after the due time" }),
          pending: z.number().int().openapi({ description: "Unanswered and not yet due" }),
          metPercent: z.number().nullable().openapi({
            description: "met / (met + breached) × 100, one decimal; null when nothing is decided",
          }),
        }),
      )
      .openapi({ description: "Requests received in the window, by the tier fixed at receipt" }),
    medianFirstResponseBusinessMinutes: z
      .object({
        paying: minutes("Paying requests"),
        premium: minutes("Premium requests"),
        all: minutes("Every request"),
      })
      .openapi({
        description:
          "Median business minutes from receipt to first response, over requests received in the window and answered; one decimal, null when none",
      }),
    backlog: z
      .object({
        byAge: z
          .array(z.object({ bucket: z.enum(backlogAgeBuckets), count: z.number().int() }))
          .openapi({ description: "Age now − receivedAt: [0, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, ∞)" }),
        byCriticality: z.array(
          z.object({ criticality: z.enum(backlogCriticalities), count: z.number().int() }),
        ),
        total: z.number().int(),
      })
      .openapi({ description: "Active requests (not resolved or closed), now" }),
  })
  .openapi("Dashboard");

/** The dashboard as the portal receives it. */
export type Dashboard = z.infer<typeof DashboardSchema>;

const getDashboard = defineRoute("staff", {
  method: "get",
  path: "/v1/agent/dashboard",
  tags: ["Agent"],
  summary: "Support figures: requests received, first-response SLA, response times and backlog",
  request: { query: DashboardQuery },
  responses: { 200: json(DashboardSchema, "The dashboard"), ...problems(401, 403, 422) },
});

export function dashboardRoutes() {
  return createRouter().openapi(getDashboard, async (c) => {
    const { db, clock } = c.get("deps");
    return c.json(await loadDashboard(db, c.req.valid("query").days, clock()), 200);
  });
}
