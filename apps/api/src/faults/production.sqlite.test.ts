/**
 * The production start (`npm run start:prod` → scripts/start-prod.mjs), API only: it bundles the API
 * and runs the bundle, migrates a new database without seeding demo data, serves with production
 * settings (HSTS), is ready, writes structured JSON access logs, receives mail (the mail parser is a
 * chunk of the bundle loaded on the first mail), passes SIGTERM on for a graceful exit 0 — and
 * refuses a public portal URL without HTTPS, since its session cookie is Secure.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../test-support/ports.ts";
import { smtpDialogue, withDatabase } from "./support.ts";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const folder = mkdtempSync(join(tmpdir(), "cirrus-prod-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function startProd(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["scripts/start-prod.mjs"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      PROD_SERVICES: "api",
      API_PORT: "0",
      INBOUND_SMTP_PORT: "0",
      PORTAL_URL: "https://support.example.com",
      HELP_URL: "https://help.example.com",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  }
  return { child, lines, exited };
}

describe("npm run start:prod", () => {
  it("migrates without demo data, serves with production settings, logs JSON and stops gracefully", async () => {
    const file = join(folder, "prod.sqlite");
    const smtpPort = await freePort();
    const prod = startProd({ DATABASE_URL: file, INBOUND_SMTP_PORT: String(smtpPort) });
    const deadline = Date.now() + 30_000;
    let port: string | undefined;
    while (!port && Date.now() < deadline && prod.child.exitCode === null) {
      port = prod.lines.map((l) => /API: http:\/\/localhost:(\d+)/.exec(l)?.[1]).find(Boolean);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(port, prod.lines.join("\n")).toBeDefined();
    const ready = await fetch(`http://127.0.0.1:${port}/ready`, {
      headers: { "x-request-id": "prod-check-1" },
    });
    expect(ready.status).toBe(200);
    expect(ready.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(prod.lines.join("\n")).not.toMatch(/Demo/);

    await new Promise((r) => setTimeout(r, 200));
    const access = prod.lines
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.requestId === "prod-check-1");
    expect(access).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/ready",
      status: 200,
    });
    expect(typeof access?.ms).toBe("number");
    expect(typeof access?.time).toBe("string");
    expect(prod.lines.join("\n")).toMatch(/dist\/server\.mjs|bundled/);

    // A mail from an unknown sender is parsed (lazily loaded parser), logged and auto-answered.
    const smtp = await smtpDialogue(smtpPort);
    expect(await smtp.command("EHLO test.example")).toMatch(/^250/m);
    expect(await smtp.command("MAIL FROM:<stranger@example.net>")).toMatch(/^250/);
    expect(await smtp.command("RCPT TO:<support@cirrus-shield.com>")).toMatch(/^250/);
    expect(await smtp.command("DATA")).toMatch(/^354/);
    expect(
      await smtp.command(
        "From: <stranger@example.net>\r\nTo: <support@cirrus-shield.com>\r\nSubject: Bonjour\r\nMessage-ID: <prod-check@example.net>\r\n\r\nUne question.\r\n.",
      ),
    ).toMatch(/^250/);
    smtp.end();

    prod.child.kill("SIGTERM");
    expect(await prod.exited).toBe(0);
    await withDatabase(file, async ({ db }) => {
      expect(await db.selectFrom("inboundMail").select("outcome").execute()).toEqual([
        { outcome: "auto-reply-unknown-sender" },
      ]);
      expect(await db.selectFrom("users").select("id").execute()).toEqual([]);
      expect(await db.selectFrom("organizations").select("id").execute()).toEqual([]);
    });
  });

  it("refuses a public portal URL without HTTPS", async () => {
    const prod = startProd({
      DATABASE_URL: join(folder, "never.sqlite"),
      PORTAL_URL: "http://support.example.com",
    });
    expect(await prod.exited).toBe(1);
    expect(prod.lines.join("\n")).toMatch(/PORTAL_URL must be an https:\/\/ URL/);
  });
});
