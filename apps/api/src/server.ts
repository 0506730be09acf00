/**
 * Starts the API: reads the environment, opens and migrates the database, seeds demo data on a
 * fresh embedded database (never in production), serves HTTP, and runs the auto-close timer.
 * The only module with side effects at start.
 */
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { closeStaleResolved } from "./commands/requests.ts";
import { openDatabase } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { demoLoginLines, demoPassword, hasDemoData, isEmpty, seedDemo } from "./db/seed.ts";
import { readEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const { db, engine, close } = await openDatabase(env.DATABASE_URL);
await migrateToLatest(db);

// Demo data only on the embedded default, never in production, and only into an empty database.
if (engine === "sqlite" && env.NODE_ENV !== "production") {
  if (env.SEED_DEMO === "auto" && (await isEmpty(db))) {
    await seedDemo(db);
    console.log("Demo data created in the embedded database.");
  }
  if (await hasDemoData(db)) {
    console.log(`Demo logins (password for all: ${demoPassword}):\n${demoLoginLines().join("\n")}`);
  }
}

const app = createApp({
  db,
  engine,
  clock: () => new Date(),
  logger,
  config: {
    production: env.NODE_ENV === "production",
    portalUrl: env.PORTAL_URL,
    helpUrl: env.HELP_URL,
    trustedOrigins: [
      env.PORTAL_URL,
      env.HELP_URL,
      ...env.TRUSTED_ORIGINS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ].map((u) => new URL(u).origin),
    trustProxy: env.TRUST_PROXY === "1",
    bodyLimitBytes: 256 * 1024,
  },
});

const server = serve({ fetch: app.fetch, hostname: env.API_HOST, port: env.API_PORT }, (info) => {
  logger.info("listening", { url: `http://${info.address}:${info.port}`, engine });
  console.log(`API: http://localhost:${info.port} (reference: /docs, OpenAPI: /openapi.json)`);
});

const autoClose = setInterval(() => {
  closeStaleResolved(db, new Date()).catch((error: unknown) =>
    logger.warn("auto-close failed", { error: String(error) }),
  );
}, 60_000);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info("stopping", { signal });
  clearInterval(autoClose);
  server.close();
  await close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
