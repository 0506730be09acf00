/** The caller's IP address, for per-IP rate limits. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * The caller's address: the socket's remote address, unless that address is a trusted proxy (the
 * portal's server, a load balancer), in which case the right-most `X-Forwarded-For` hop that is not
 * itself a trusted proxy. Any other client's `X-Forwarded-For` is ignored — it could pick its own
 * rate-limit bucket. `"*"` trusts every hop (tests, where `app.request()` has no socket).
 */
export function clientIp(c: Context<AppEnv>): string {
  const trusted = c.get("deps").config.trustedProxies;
  const isTrusted = (address: string) => trusted.includes("*") || trusted.includes(address);
  let remote: string;
  try {
    remote = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    remote = "local"; // app.request() has no socket
  }
  if (!isTrusted(remote)) return remote;
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim().slice(0, 64))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!isTrusted(hop) || i === 0) return hop;
  }
  return remote;
}
