// The running SLA clock's due time, stored on each request so that the staff queue is ordered, paged
// and counted (breached or not) by SQL instead of ranking every active request in the process for
// each call (measured: 20–48 ms of CPU and ~10 MB of garbage per queue call with 2,500 active
// requests; docs/benchmarks.md). Written by the commands whenever a fact it derives from changes
// (`runningDueAt` in queries/requests.ts). Unlike the others, this migration imports the domain: the
// business-time arithmetic of the existing rows' reply due times lives there and nowhere else.
import { runningClock } from "@cirrus/domain";
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was when written, not today's schema.ts (Kysely's own advice).
type AnyDatabase = Kysely<any>;

const active = ["new", "open", "waiting-on-customer"];

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema.alterTable("requests").addColumn("runningDueAt", "text").execute();
  // The queue's page and its counts read only these columns of the active requests: a covering
  // index spares a table lookup per active request (measured: 2.4 → 1.5 ms of SQL per queue call).
  await db.schema
    .createIndex("requests_queue_idx")
    .on("requests")
    .columns(["status", "tier", "criticality", "runningDueAt", "receivedAt", "assigneeId", "id"])
    .execute();
  // Only active requests have a running clock; resolved and closed ones keep null.
  const rows = await db
    .selectFrom("requests")
    .select(["id", "tier", "status", "firstResponseDueAt", "firstRespondedAt", "awaitingReplySince"])
    .where("status", "in", active)
    .where("firstResponseDueAt", "is not", null)
    .execute();
  const date = (iso: string | null) => (iso === null ? null : new Date(iso));
  for (const row of rows) {
    const { dueAt } = runningClock({
      tier: row.tier,
      status: row.status,
      firstResponseDueAt: date(row.firstResponseDueAt),
      firstRespondedAt: date(row.firstRespondedAt),
      awaitingReplySince: date(row.awaitingReplySince),
    });
    if (dueAt === null) continue;
    await db
      .updateTable("requests")
      .set({ runningDueAt: dueAt.toISOString() })
      .where("id", "=", row.id)
      .execute();
  }
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropIndex("requests_queue_idx").execute();
  await db.schema.alterTable("requests").dropColumn("runningDueAt").execute();
}
