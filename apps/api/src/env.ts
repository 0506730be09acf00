/** The one place that reads process.env: validated settings of the API process. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
  /** "1" behind a load balancer that sets X-Forwarded-For. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
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
