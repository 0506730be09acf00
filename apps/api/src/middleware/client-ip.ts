/** The caller's IP address, for per-IP rate limits. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * The socket's remote address, or the first `X-Forwarded-For` hop when `trustProxy` is configured
 * (behind a load balancer) — never by default, since any client could then pick its own bucket.
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.get("deps").config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local"; // app.request() has no socket
  }
}
