/**
 * The real API process for fault and scale tests: `node src/server.ts` as a child process on an
 * ephemeral loopback port, with its own environment — so signals, crashes (kill -9), restarts and
 * several instances can be played, which an in-process `app.request()` cannot show.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { hashPassword } from "../auth/passwords.ts";
import { createSession } from "../auth/sessions.ts";
import { newId } from "../db/ids.ts";
import type { Database, User } from "../db/schema.ts";
import { fixturePassword } from "./app.ts";

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface SpawnedApi {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every stdout/stderr line so far (structured logs and the start-up messages). */
  readonly output: string[];
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Sends a signal and waits for the process to end (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

/**
 * @example const api = await spawnApi({ DATABASE_URL: file }); await fetch(`${api.url}/health`); await api.stop()
 */
export async function spawnApi(env: Record<string, string>, startTimeoutMs = 30_000): Promise<SpawnedApi> {
  const child = spawn(process.execPath, ["src/server.ts"], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      API_HOST: "127.0.0.1",
      API_PORT: "0",
      INBOUND_SMTP_PORT: "0",
      SEED_DEMO: "never",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start within ${startTimeoutMs} ms:\n${output.join("\n")}`)),
      startTimeoutMs,
    );
    const onLine = (line: string) => {
      output.push(line);
      // Printed whatever LOG_LEVEL is (the structured "listening" line is not, at warn and above).
      const port = /^API: http:\/\/localhost:(\d+)/.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = "";
      stream?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code}) before listening:\n${output.join("\n")}`));
    });
  });

  async function stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 20_000) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const code = await exited;
    clearTimeout(killer);
    return code;
  }
  return { child, url, output, exited, stop };
}

/** Users of a little world written straight into a migrated database, before the API starts. */
export interface SeededWorld {
  readonly organizationId: string;
  readonly customer: User;
  readonly agent: User;
  /** A session token of the customer, created in the database (as a sign-in would). */
  readonly customerToken: string;
  readonly agentToken: string;
}

/**
 * A premium organization with a customer and an agent (password `fixturePassword`) and a session each.
 * @example const world = await seedWorld(db); fetch(url, { headers: { authorization: `Bearer ${world.customerToken}` } })
 */
export async function seedWorld(db: Kysely<Database>, now = new Date()): Promise<SeededWorld> {
  const at = now.toISOString();
  const organizationId = newId();
  await db
    .insertInto("organizations")
    .values({
      id: organizationId,
      name: `Org ${organizationId}`,
      tier: "premium",
      addOns: "[]",
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  const passwordHash = await hashPassword(fixturePassword);
  const user = (role: "customer" | "agent"): User => {
    const email = `${role}-${newId().slice(-10)}@example.test`;
    return {
      id: newId(),
      organizationId: role === "customer" ? organizationId : null,
      email,
      emailNormalized: email,
      name: `${role} ${email.slice(0, 12)}`,
      role,
      locale: "fr",
      passwordHash,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
    };
  };
  const customer = user("customer");
  const agent = user("agent");
  await db.insertInto("users").values([customer, agent]).execute();
  const customerToken = (await createSession(db, customer.id, now)).token;
  const agentToken = (await createSession(db, agent.id, now)).token;
  return { organizationId, customer, agent, customerToken, agentToken };
}

/**
 * Opens a request through the HTTP API: the request's id when the API acknowledged it (201), else the status.
 * @example const { status, id } = await openRequestOver(api.url, token, "Subject")
 */
export async function openRequestOver(
  url: string,
  token: string,
  subject: string,
  timeoutMs = 15_000,
): Promise<{ status: number; id?: string; body?: unknown; contentType?: string | null }> {
  const res = await fetch(`${url}/v1/requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ subject, category: "usage-question", body: `Message for ${subject}.` }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json().catch(() => undefined)) as { id?: string } | undefined;
  return {
    status: res.status,
    ...(res.status === 201 && body?.id ? { id: body.id } : {}),
    body,
    contentType: res.headers.get("content-type"),
  };
}
