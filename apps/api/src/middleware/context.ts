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

export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set("deps", deps);
    c.set("requestId", requestId);
    c.set("auth", null);
    c.set("locale", localeFromHeader(c.req.header("accept-language")));
    const started = performance.now();
    await next();
    c.header("x-request-id", requestId);
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    c.header("x-frame-options", "DENY");
    c.header("cross-origin-opener-policy", "same-origin");
    c.header("cross-origin-resource-policy", "same-origin");
    if (!c.res.headers.has("content-security-policy")) {
      c.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    }
    if (deps.config.production) c.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    if (c.get("auth") && !c.res.headers.has("cache-control")) c.header("cache-control", "private, no-store");
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
