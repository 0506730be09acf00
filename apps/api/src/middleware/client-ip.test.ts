// The per-IP rate-limit key over a real socket: X-Forwarded-For counts only from trusted proxies.

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppDeps, AppEnv } from "../app-env.ts";
import { clientIp } from "./client-ip.ts";

async function withServer(trustedProxies: string[], run: (url: string) => Promise<void>) {
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set("deps", { config: { trustedProxies } } as unknown as AppDeps);
      await next();
    })
    .get("/", (c) => c.text(clientIp(c)));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("clientIp", () => {
  it("believes X-Forwarded-For from a trusted proxy (the portal on loopback)", async () => {
    await withServer(["127.0.0.1", "::ffff:127.0.0.1"], async (url) => {
      const res = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.7" } });
      expect(await res.text()).toBe("203.0.113.7");
      const chain = await fetch(url, {
        headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.7, 127.0.0.1" },
      });
      expect(await chain.text()).toBe("203.0.113.7");
    });
  });

  it("ignores X-Forwarded-For from anyone else", async () => {
    await withServer(["192.0.2.254"], async (url) => {
      const res = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.7" } });
      expect(await res.text()).toMatch(/127\.0\.0\.1$/);
    });
  });
});
