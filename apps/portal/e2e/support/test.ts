/**
 * The tests' `test`: the portal under test as baseURL, signed-in states per demo account, and
 * helpers (sign in through the form, call the API as staff, read the e-mail outbox).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { test as base, expect, type Page } from "@playwright/test";
import { portalDir } from "./stack.ts";

export { expect };

export const password = "cirrus-demo-2026";

/** Demo accounts (apps/api/src/db/seed.ts). Each account is used by few tests: sign-in is rate-limited. */
export const accounts = {
  free: "julie@atelier-dupont.fr",
  paying: "marc@boulangerie-martin.fr",
  paying2: "sophie@boulangerie-martin.fr",
  payingDev: "thomas@logiciels-moreau.fr",
  premium: "claire@transports-lefevre.fr",
  premium2: "karim@transports-lefevre.fr",
  agent: "lea@cirrus-shield.com",
  admin: "admin@cirrus-shield.com",
} as const;
export type AccountKey = keyof typeof accounts;

export const env = {
  get portalUrl() {
    return required("E2E_PORTAL_URL");
  },
  get apiUrl() {
    return required("E2E_API_URL");
  },
  get helpUrl() {
    return required("E2E_HELP_URL");
  },
  get databaseFile() {
    return required("E2E_DATABASE");
  },
};

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through playwright.config.ts (global setup)`);
  return value;
}

/** Where a signed-in browser state of an account is saved by sign-in.setup.ts. */
export function statePath(account: AccountKey): string {
  return join(portalDir, "test-results", "auth", `${account}.json`);
}

/** Signs in through the portal's form. */
export async function signIn(page: Page, email: string, pass = password): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/Adresse e-mail|E-mail address/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(pass);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();
}

/** Calls the API directly (server-to-server, like the portal), e.g. as an agent. */
export async function apiCall<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${env.apiUrl}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const tokens = new Map<string, string>();

/** A session token of a staff account, through the API (cached per test worker). */
export async function apiToken(account: AccountKey): Promise<string> {
  const cached = tokens.get(account);
  if (cached) return cached;
  const { status, body } = await apiCall<{ token: string }>("POST", "/v1/auth/login", {
    body: { email: accounts[account], password },
  });
  if (status !== 200) throw new Error(`API sign-in of ${account} failed: ${status}`);
  tokens.set(account, body.token);
  return body.token;
}

/**
 * The last e-mail queued for an address (the outbox is where the API keeps mail to send): the
 * tests read it like a mailbox, read-only, to follow reset and invitation links.
 */
export function lastMailTo(address: string): { subject: string; text: string } | null {
  const db = new DatabaseSync(env.databaseFile, { readOnly: true });
  try {
    const row = db
      .prepare(
        "SELECT subject, textBody FROM outbox WHERE toAddress = ? ORDER BY createdAt DESC, id DESC LIMIT 1",
      )
      .get(address) as { subject: string; textBody: string } | undefined;
    return row ? { subject: row.subject, text: row.textBody } : null;
  } finally {
    db.close();
  }
}

export const test = base.extend<{ account: AccountKey | null }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => use(env.portalUrl),
  account: [null, { option: true }],
  storageState: async ({ account }, use) => {
    const file = account ? statePath(account) : undefined;
    if (file && !existsSync(file))
      throw new Error(`no signed-in state for ${account}: did sign-in.setup.ts run?`);
    await use(file ?? { cookies: [], origins: [] });
  },
});

/** The API token of a signed-in demo account, read from its saved browser state (its session cookie). */
export function tokenOf(account: AccountKey): string {
  const state = JSON.parse(readFileSync(statePath(account), "utf8")) as {
    cookies: Array<{ name: string; value: string }>;
  };
  const cookie = state.cookies.find((c) => c.name === "cs_session" || c.name === "__Host-cs_session");
  if (!cookie) throw new Error(`no session cookie saved for ${account}`);
  return cookie.value;
}

/** Opens a request through the API as a signed-in customer (for tests that need many, or a quick one). */
export async function openRequestAs(
  account: AccountKey,
  input: { subject: string; body: string; category: string; criticality?: string },
): Promise<{ id: string; reference: string }> {
  const { status, body } = await apiCall<{ id: string; reference: string }>("POST", "/v1/requests", {
    token: tokenOf(account),
    body: input,
  });
  if (status !== 201)
    throw new Error(`opening a request as ${account} failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A civil date `YYYY-MM-DD` some days from now (Paris time is close enough for validity dates). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
