/** Types shared by every route: what the app is built from, and what middleware puts on the context. */
import type { Locale } from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { AttachmentStorage } from "./attachments/storage.ts";
import type { Database, Session, User } from "./db/schema.ts";
import type { Logger } from "./logger.ts";

export interface AppConfig {
  /** Origins allowed to make state-changing browser calls (besides the API's own). */
  readonly trustedOrigins: readonly string[];
  readonly portalUrl: string;
  readonly helpUrl: string;
  readonly production: boolean;
  /** Addresses whose `X-Forwarded-For` is believed (the portal's server, load balancers); "*" = any. */
  readonly trustedProxies: readonly string[];
  /** Largest accepted request body, bytes. */
  readonly bodyLimitBytes: number;
  /** Whether the outbox is delivered through SMTP (`SMTP_URL` set); otherwise mails stay in the outbox. */
  readonly smtpDelivery?: boolean;
}

/** Everything the app needs from outside; tests pass their own (real database, fixed clock). */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly engine: "sqlite" | "postgres";
  /** The current time; injected so SLA behaviour can be tested at fixed instants. */
  readonly clock: () => Date;
  readonly config: AppConfig;
  readonly logger: Logger;
  /**
   * Whether the process is shutting down (SIGTERM received): `/ready` then answers 503 so a load
   * balancer stops sending new requests while the in-flight ones finish. Absent: never.
   */
  readonly stopping?: () => boolean;
  /** Where attachment content is written and read (database or folder). */
  readonly attachments: AttachmentStorage;
}

export interface Auth {
  readonly user: User;
  readonly session: Session;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    auth: Auth | null;
    locale: Locale;
    requestId: string;
  };
}
