/**
 * The benchmark's data and sessions: migrates a fresh database, bulk-loads it (seed.ts) and signs
 * in 200 customers of organizations with active requests and every agent, the way a sign-in
 * creates sessions (argon2 is not what the benchmarks measure). Used by the API benchmark, and run
 * as a command by the portal's benchmark (it prints the sessions as JSON):
 *   node bench/prepare.ts --database /tmp/x.sqlite [--requests 100000 --organizations 1000]
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createSession } from "../src/auth/sessions.ts";
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedBench } from "./seed.ts";

export interface BenchSessions {
  /** Customers, each with their organization's active requests. */
  customers: { token: string; active: { id: string; number: number }[] }[];
  agents: string[];
  counts: { users: number; requests: number; messages: number; events: number };
  seconds: number;
}

export async function prepareBench(
  url: string,
  options: { requests: number; organizations: number },
): Promise<BenchSessions> {
  const started = performance.now();
  const opened = await openDatabase(url);
  try {
    await migrateToLatest(opened.db);
    const data = await seedBench(opened.db, { ...options, now: new Date() });
    // Planner statistics, as a database in service has them (PostgreSQL's autovacuum would gather
    // them a while after a bulk load; SQLite only ever has those ANALYZE writes).
    await sql`analyze`.execute(opened.db);
    const now = new Date();
    const withActive = data.customers.filter((c) => data.activeByOrganization.has(c.organizationId));
    const customers = await Promise.all(
      withActive.slice(0, 200).map(async (c) => ({
        token: (await createSession(opened.db, c.id, now)).token,
        active: [...(data.activeByOrganization.get(c.organizationId) ?? [])],
      })),
    );
    const agents = await Promise.all(
      data.agents.map(async (id) => (await createSession(opened.db, id, now)).token),
    );
    return { customers, agents, counts: data.counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await opened.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      database: { type: "string" },
      requests: { type: "string", default: "100000" },
      organizations: { type: "string", default: "1000" },
    },
  });
  if (!values.database) throw new Error("--database <sqlite path or postgres:// URL> is required");
  const sessions = await prepareBench(values.database, {
    requests: Number(values.requests),
    organizations: Number(values.organizations),
  });
  process.stdout.write(JSON.stringify(sessions));
}
