/**
 * A real app over a real, fresh database for API tests (`app.request()`, no server, no port), with
 * a settable clock and fixtures that create organizations, users and signed-in sessions.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale, RoleId, SupportOptionId, TierId } from "@cirrus/domain";
import { createApp } from "../app.ts";
import type { AppConfig } from "../app-env.ts";
import { attachmentStorage, type StorageKind } from "../attachments/storage.ts";
import { hashPassword } from "../auth/passwords.ts";
import { createSession } from "../auth/sessions.ts";
import { newId } from "../db/ids.ts";
import type { Organization, User } from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { createTestDatabase } from "./database.ts";

/** The password of every fixture user. */
export const fixturePassword = "fixture-password-123";
let fixtureHash: Promise<string> | undefined;

export const testConfig: AppConfig = {
  trustedOrigins: ["http://localhost:4322", "http://localhost:4321"],
  portalUrl: "http://localhost:4322",
  helpUrl: "http://localhost:4321",
  production: false,
  trustedProxies: ["*"],
  bodyLimitBytes: 256 * 1024,
};

/** A signed-in fixture user. */
export interface Actor {
  readonly user: User;
  readonly token: string;
}

export interface CallOptions {
  token?: string | undefined;
  json?: unknown;
  body?: string;
  /** A multipart body (the boundary header is set by the runtime). */
  form?: FormData;
  headers?: Record<string, string>;
}

/**
 * @example const t = await createTestApp(); const org = await t.organization("premium"); const c = await t.user("customer", org.id)
 */
export async function createTestApp(
  options: { now?: Date; config?: Partial<AppConfig>; storage?: StorageKind } = {},
) {
  const database = await createTestDatabase();
  const { db } = database;
  let now = options.now ?? new Date("2026-11-26T10:00:00+01:00");
  const attachmentsDir = mkdtempSync(join(tmpdir(), "cirrus-attachments-"));
  const attachments = attachmentStorage(db, { kind: options.storage ?? "database", folder: attachmentsDir });
  const app = createApp({
    db,
    attachments,
    engine: database.engine,
    clock: () => new Date(now.getTime()),
    config: { ...testConfig, ...options.config },
    logger: createLogger(process.env.TEST_LOG === "1" ? "debug" : "silent"),
  });

  const clock = {
    now: () => new Date(now.getTime()),
    set: (at: Date | string) => {
      now = new Date(at);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };

  async function organization(
    tier: TierId,
    addOns: SupportOptionId[] = [],
    name = `Org ${tier} ${newId().slice(-6)}`,
  ): Promise<Organization> {
    const at = clock.now().toISOString();
    const org: Organization = {
      id: newId(),
      name,
      tier,
      addOns: JSON.stringify(addOns),
      createdAt: at,
      updatedAt: at,
    };
    await db.insertInto("organizations").values(org).execute();
    return org;
  }

  async function user(
    role: RoleId,
    organizationId: string | null = null,
    extra: { email?: string; locale?: Locale; name?: string } = {},
  ): Promise<Actor> {
    fixtureHash ??= hashPassword(fixturePassword);
    const at = clock.now().toISOString();
    const email = extra.email ?? `${role}-${newId().slice(-10)}@example.test`;
    const row: User = {
      id: newId(),
      organizationId: role === "customer" ? organizationId : null,
      email,
      emailNormalized: email.trim().toLowerCase(),
      name: extra.name ?? `${role} ${email.slice(0, 12)}`,
      role,
      locale: extra.locale ?? "fr",
      passwordHash: await fixtureHash,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await db.insertInto("users").values(row).execute();
    const { token } = await createSession(db, row.id, clock.now());
    return { user: row, token };
  }

  /** Calls the app like a server-side client would (JSON, Bearer token). */
  async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | FormData | undefined = opts.form ?? opts.body;
    if (opts.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(opts.json);
    }
    return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  }

  return {
    app,
    db,
    engine: database.engine,
    attachments,
    attachmentsDir,
    clock,
    organization,
    user,
    call,
    close: database.close,
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
