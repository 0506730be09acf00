/** The one place that reads process.env: validated settings of the API process. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { supportEmail } from "@cirrus/domain";
import { z } from "zod";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (the embedded default). */
  DATABASE_URL: z.string().default(join(repoRoot, "data", "cirrus.sqlite")),
  /** Public URL of the portal, for links in e-mails and the CSRF origin allow-list. */
  PORTAL_URL: z.string().url().default("http://localhost:4322"),
  HELP_URL: z.string().url().default("http://localhost:4321"),
  /** Extra origins allowed to make state-changing calls (comma-separated). */
  TRUSTED_ORIGINS: z.string().default(""),
  /** Seed demo data on start when the embedded database is empty (never in production). */
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  /**
   * Comma-separated addresses whose X-Forwarded-For is believed: the portal's server (same host by
   * default) and any load balancer in front of the API.
   */
  TRUSTED_PROXIES: z.string().default("127.0.0.1,::1,::ffff:127.0.0.1"),
  /** On SIGTERM, how long in-flight HTTP requests may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * Outbound relay, e.g. `smtp://user:pass@smtp.example.com:587` or `smtps://…:465`. Unset (the
   * embedded default): mails stay in the outbox, readable in the portal's development mailbox.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/i, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  /** The `From` of every outgoing mail. */
  SMTP_FROM: z.string().min(3).default(`Cirrus Shield Support <${supportEmail}>`),
  /** The inbound SMTP listener of the support address (loopback; behind your MX in production). */
  INBOUND_SMTP_HOST: z.string().default("127.0.0.1"),
  /** 0 disables the listener. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Largest inbound message accepted, bytes (larger ones are refused with 552). */
  INBOUND_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /**
   * Where attachment content is kept: `database` (default: one file to back up with the embedded
   * engine) or `disk` (files in ATTACHMENTS_DIR). Existing files stay readable after a change.
   */
  ATTACHMENT_STORAGE: z.enum(["database", "disk"]).default("database"),
  ATTACHMENTS_DIR: z.string().default(join(repoRoot, "data", "attachments")),
  /** How often the sender looks for due mails, milliseconds (only with SMTP_URL). */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /**
   * Processes serving the API. 1 (default): this process. More: this process prepares the database,
   * then starts that many workers sharing the HTTP port (node:cluster) and restarts any that dies;
   * the number of CPU cores is the useful maximum (docs/benchmarks.md).
   */
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Set by the primary for each worker (0, 1, …): worker 0 also runs mail and the timers. */
  API_WORKER_INDEX: z.coerce.number().int().min(0).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Parses the environment; exits with a readable message when a setting is wrong.
 * @example const env = readEnv(process.env)
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export { repoRoot };
