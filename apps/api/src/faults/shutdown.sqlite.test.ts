/**
 * Graceful shutdown of the real process (`node src/server.ts`): on SIGTERM, requests and SMTP
 * sessions already in progress finish and are committed, the process exits 0, and a request that
 * never finishes does not hold the exit beyond SHUTDOWN_TIMEOUT_MS. SQLite only: the behaviour
 * under test is the process's, not the engine's.
 */
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../test-support/ports.ts";
import { type SpawnedApi, spawnApi } from "../test-support/spawn-api.ts";
import { preparedSqliteFile, smtpDialogue, withDatabase } from "./support.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A POST whose headers and first half of the body are sent now; `finish()` sends the rest and
 * resolves with the status and body. Until then the request is genuinely in flight in the server.
 */
function halfSentPost(url: string, path: string, token: string, json: unknown) {
  const body = JSON.stringify(json);
  const half = Math.floor(body.length / 2);
  const target = new URL(path, url);
  let resolveResponse: (value: { status: number; body: string }) => void = () => {};
  let rejectResponse: (error: Error) => void = () => {};
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  const req = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      },
    },
    (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      res.on("end", () => resolveResponse({ status: res.statusCode ?? 0, body: text }));
    },
  );
  req.on("error", rejectResponse);
  response.catch(() => undefined); // an aborted request rejects; only `finish()` callers care
  const connected = new Promise<void>((resolve) => req.on("socket", (s) => s.once("connect", resolve)));
  req.write(body.slice(0, half));
  return {
    connected,
    finish: () => {
      req.end(body.slice(half));
      return response;
    },
    abort: () => req.destroy(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("graceful shutdown", () => {
  it("lets in-flight HTTP requests and an SMTP session finish, commits them, and exits 0", async () => {
    const { file, world, remove } = await preparedSqliteFile();
    cleanups.push(remove);
    const smtpPort = await freePort();
    const api: SpawnedApi = await spawnApi({ DATABASE_URL: file, INBOUND_SMTP_PORT: String(smtpPort) });
    cleanups.push(() => api.stop("SIGKILL"));

    // Five writes whose bodies are half sent, and a mail in the middle of its DATA.
    const posts = Array.from({ length: 5 }, (_, i) =>
      halfSentPost(api.url, "/v1/requests", world.customerToken, {
        subject: `In flight ${i}`,
        category: "usage-question",
        body: "Sent across a shutdown.",
      }),
    );
    await Promise.all(posts.map((p) => p.connected));
    const smtp = await smtpDialogue(smtpPort);
    expect(await smtp.command("EHLO test.example")).toMatch(/^250/m);
    expect(await smtp.command(`MAIL FROM:<${world.customer.email}>`)).toMatch(/^250/);
    expect(await smtp.command("RCPT TO:<support@cirrus-shield.com>")).toMatch(/^250/);
    expect(await smtp.command("DATA")).toMatch(/^354/);
    smtp.write(`From: <${world.customer.email}>\r\nTo: <support@cirrus-shield.com>\r\n`);
    await sleep(300); // the server has read the request heads

    api.child.kill("SIGTERM");
    await sleep(500); // shutdown has begun: no new connections
    await expect(fetch(`${api.url}/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();

    const responses = await Promise.all(posts.map((p) => p.finish()));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    smtp.write("Subject: Mail across a shutdown\r\n\r\nBonjour, ceci arrive pendant l'arrêt.\r\n.\r\n");
    expect(await smtp.reply()).toMatch(/^250 /);
    await smtp.command("QUIT").catch(() => "closed");

    expect(await api.exited).toBe(0);
    expect(api.output.some((line) => line.includes('"msg":"stopped"'))).toBe(true);

    const ids = responses.map((r) => (JSON.parse(r.body) as { id: string }).id);
    await withDatabase(file, async ({ db }) => {
      const rows = await db.selectFrom("requests").select(["id", "subject", "channel"]).execute();
      expect(rows.filter((r) => ids.includes(r.id))).toHaveLength(5);
      expect(rows.some((r) => r.channel === "email" && r.subject === "Mail across a shutdown")).toBe(true);
    });
  });

  it("does not wait beyond SHUTDOWN_TIMEOUT_MS for a request that never finishes", async () => {
    const { file, world, remove } = await preparedSqliteFile();
    cleanups.push(remove);
    const api = await spawnApi({ DATABASE_URL: file, SHUTDOWN_TIMEOUT_MS: "1500" });
    cleanups.push(() => api.stop("SIGKILL"));
    const stuck = halfSentPost(api.url, "/v1/requests", world.customerToken, { subject: "never ends" });
    await stuck.connected;
    await sleep(300);
    const started = Date.now();
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(6_000);
    expect(api.output.some((line) => line.includes("shutdown timeout"))).toBe(true);
    stuck.abort();
  });
});
