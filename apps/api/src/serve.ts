/**
 * One API process: opens the database, serves HTTP, and — unless another process does — prepares
 * the database (migrations, demo seed), listens for inbound mail (SMTP), delivers the outbox when
 * SMTP_URL is set and runs the auto-close timer. Started by `server.ts`, alone or as a cluster worker.
 */
import type { Server as HttpServer } from "node:http";
import { serve } from "@hono/node-server";
import type { Kysely } from "kysely";
import { createApp } from "./app.ts";
import { deleteStaleUploads } from "./attachments/link.ts";
import { attachmentStorage } from "./attachments/storage.ts";
import { closeStaleResolved } from "./commands/requests.ts";
import { type Engine, openDatabase, redactUrl } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import type { Database } from "./db/schema.ts";
import { demoLoginLines, demoPassword, hasDemoData, isEmpty, seedDemo } from "./db/seed.ts";
import type { Env } from "./env.ts";
import { createLogger } from "./logger.ts";
import { type InboundServer, startInboundServer } from "./mail/inbound.ts";
import type { MailLinks } from "./mail/notifications.ts";

function mailLinks(env: Env): MailLinks {
  return { portalUrl: env.PORTAL_URL, helpUrl: env.HELP_URL };
}

/** Migrates, then seeds demo data on the embedded default only, never in production, into an empty database. */
async function prepareDatabase(db: Kysely<Database>, engine: Engine, env: Env): Promise<void> {
  await migrateToLatest(db);
  if (engine !== "sqlite" || env.NODE_ENV === "production") return;
  if (env.SEED_DEMO === "auto" && (await isEmpty(db))) {
    await seedDemo(db, new Date(), mailLinks(env));
    console.log("Demo data created in the embedded database.");
  }
  if (await hasDemoData(db)) {
    console.log(`Demo logins (password for all: ${demoPassword}):\n${demoLoginLines().join("\n")}`);
  }
}

export interface ServeRole {
  /**
   * The process that migrates and seeds first, and then also runs the inbound SMTP listener, the
   * outbox sender and the timers: the only process, or a cluster's worker 0 (the others only answer
   * HTTP, and start once it is listening).
   */
  main: boolean;
}

export async function serveApi(env: Env, role: ServeRole): Promise<void> {
  const logger = createLogger(env.LOG_LEVEL);
  const { db, engine, close } = await openDatabase(env.DATABASE_URL);
  if (role.main) await prepareDatabase(db, engine, env);
  const links = mailLinks(env);

  let stopping = false;
  const attachments = attachmentStorage(db, { kind: env.ATTACHMENT_STORAGE, folder: env.ATTACHMENTS_DIR });
  const app = createApp({
    db,
    attachments,
    engine,
    clock: () => new Date(),
    logger,
    stopping: () => stopping,
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
      trustedProxies: env.TRUSTED_PROXIES.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      bodyLimitBytes: 256 * 1024,
      smtpDelivery: env.SMTP_URL !== undefined,
    },
  });

  const server = serve({ fetch: app.fetch, hostname: env.API_HOST, port: env.API_PORT }, (info) => {
    logger.info("listening", { url: `http://${info.address}:${info.port}`, engine });
    if (role.main) {
      console.log(`API: http://localhost:${info.port} (reference: /docs, OpenAPI: /openapi.json)`);
    }
  }) as HttpServer; // plain HTTP/1.1 (no `createServer` option given)

  // Background work runs in one process only: a cluster's other workers only answer HTTP.
  const autoClose = role.main
    ? setInterval(() => {
        closeStaleResolved(db, new Date(), links).catch((error: unknown) =>
          logger.warn("auto-close failed", { error: String(error) }),
        );
        deleteStaleUploads(db, attachments, new Date()).catch((error: unknown) =>
          logger.warn("clean-up of abandoned uploads failed", { error: String(error) }),
        );
      }, 60_000)
    : undefined;

  // Inbound mail to the support address (loopback by default; INBOUND_SMTP_PORT=0 turns it off).
  let inbound: InboundServer | undefined;
  if (role.main && env.INBOUND_SMTP_PORT !== 0) {
    try {
      inbound = await startInboundServer({
        host: env.INBOUND_SMTP_HOST,
        port: env.INBOUND_SMTP_PORT,
        maxBytes: env.INBOUND_SMTP_MAX_BYTES,
        deps: { db, clock: () => new Date(), links, attachments, logger },
      });
      console.log(
        `Inbound mail: smtp://${env.INBOUND_SMTP_HOST}:${inbound.port} (write to support@cirrus-shield.com)`,
      );
    } catch (error) {
      // In production a listener that cannot start is a deployment error: stop. In development the
      // port is often held by another local API (a second checkout, the e2e stack): serve HTTP anyway.
      if (env.NODE_ENV === "production" || (error as NodeJS.ErrnoException).code !== "EADDRINUSE")
        throw error;
      logger.warn("inbound mail listener not started: port in use", { port: env.INBOUND_SMTP_PORT });
      console.log(`Inbound mail: port ${env.INBOUND_SMTP_PORT} is in use, listener not started.`);
    }
  }

  // Outbound mail: without SMTP_URL, mails stay in the outbox (see the portal's development mailbox).
  let sender: ReturnType<typeof setInterval> | undefined;
  let draining: Promise<unknown> | undefined;
  if (role.main && env.SMTP_URL) {
    // Imported only when mail is sent from here: the SMTP client is not loaded otherwise.
    const { createSmtpTransport, drainOutbox } = await import("./mail/sender.ts");
    const transport = createSmtpTransport(env.SMTP_URL);
    const senderDeps = { db, engine, clock: () => new Date(), logger, transport, from: env.SMTP_FROM };
    sender = setInterval(() => {
      if (draining) return; // the previous round is still sending
      draining = drainOutbox(senderDeps)
        .catch((error: unknown) => logger.warn("outbox delivery failed", { error: String(error) }))
        .finally(() => {
          draining = undefined;
        });
    }, env.OUTBOX_INTERVAL_MS);
    console.log(`Outbound mail: through ${redactUrl(env.SMTP_URL)}`);
  } else if (role.main) {
    console.log("Outbound mail: SMTP_URL is not set, mails stay in the outbox (portal: staff mailbox).");
  }

  /**
   * Graceful shutdown (SIGTERM from an orchestrator, SIGINT from Ctrl+C): `/ready` answers 503 at once,
   * the HTTP server stops accepting and lets in-flight requests finish (at most SHUTDOWN_TIMEOUT_MS,
   * then the remaining connections are cut), the SMTP listener stops accepting and lets its sessions
   * finish (smtp-server cuts them after its 5 s closeTimeout), the running outbox round completes, and
   * the database is closed — SQLite commits its pending group and checkpoints — before exiting 0.
   */
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    clearInterval(autoClose);
    if (sender) clearInterval(sender);
    await Promise.all([closeHttp(env.SHUTDOWN_TIMEOUT_MS), inbound?.close()]);
    await draining;
    await close();
    logger.info("stopped", { signal });
    process.exit(0);
  }

  /** Stops accepting connections and resolves when the in-flight requests are done (or after `timeoutMs`). */
  function closeHttp(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      // Keep-alive connections that sit idle would hold close() open until their keep-alive timeout;
      // close each one as soon as its last request is answered.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const force = setTimeout(() => {
        logger.warn("shutdown timeout: closing remaining connections", { timeoutMs });
        server.closeAllConnections();
      }, timeoutMs);
      server.close(() => {
        clearInterval(idle);
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
