/** Per-request basics: request id, structured access log, caller's language, security headers. */

import { randomUUID } from "node:crypto";
import { defaultLocale, isLocale, type Locale } from "@cirrus/domain";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../app-env.ts";

/** The first supported language of an Accept-Language header (French by default). */
export function localeFromHeader(header: string | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Headers every answer carries (HSTS is added in production). */
const securityHeaders = [
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "no-referrer"],
  ["x-frame-options", "DENY"],
  ["cross-origin-opener-policy", "same-origin"],
  ["cross-origin-resource-policy", "same-origin"],
  // A route serving something else (the HTML reference, a download) sets its own.
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
] as const;

export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set("deps", deps);
    c.set("requestId", requestId);
    c.set("auth", null);
    c.set("locale", localeFromHeader(c.req.header("accept-language")));
    // Set before the handler, so that they are part of the response it builds (`c.json`,
    // `c.newResponse`; a handler's own value of a header wins). Set after it, each header made Hono
    // copy the whole response again and left Node's adapter its slow path: measured, a third of the
    // CPU time of a small JSON answer (docs/benchmarks.md).
    for (const [name, value] of securityHeaders) c.header(name, value);
    if (deps.config.production) c.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    c.header("x-request-id", requestId);
    const started = performance.now();
    await next();
    deps.logger.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get("auth")?.user.id,
    });
  });
}
