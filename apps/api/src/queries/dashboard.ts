/**
 * The staff dashboard: two simple reads (requests received since the window's first local
 * midnight, and the active requests), handed to the pure figures in `dashboard-figures.ts`.
 */
import type { Db } from "../db/schema.ts";
import { type DashboardFigures, dashboardFigures, dashboardWindow } from "./dashboard-figures.ts";
import { activeStatuses } from "./requests.ts";

/** The dashboard over the last `days` Europe/Paris calendar days including today, at `now`. */
export async function loadDashboard(db: Db, days: number, now: Date): Promise<DashboardFigures> {
  const { from } = dashboardWindow(now, days);
  const [received, active] = await Promise.all([
    db
      .selectFrom("requests")
      .select(["tier", "receivedAt", "firstResponseDueAt", "firstRespondedAt"])
      .where("receivedAt", ">=", from.toISOString())
      .execute(),
    db
      .selectFrom("requests")
      .select(["receivedAt", "criticality"])
      .where("status", "in", activeStatuses)
      .execute(),
  ]);
  return dashboardFigures({ now, days, received, active });
}
