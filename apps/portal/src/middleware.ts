/**
 * Every request: the session cookie → the signed-in user (GET /v1/me), the page's language, and
 * on the way out the security headers and `Cache-Control: no-store` for personal pages.
 * Authorization is NOT decided here: each page and form handler checks the user itself.
 */
import { defineMiddleware } from "astro:middleware";
import { ApiError } from "./lib/api.ts";
import { config } from "./lib/config.ts";
import { languageCookie, resolveLocale } from "./lib/locale.ts";
import { portalApi } from "./lib/portal-api.ts";
import { applySecurityHeaders } from "./lib/security-headers.ts";
import { clearSessionCookie, readSessionToken } from "./lib/session.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  const { cookies, locals, request } = context;
  const chosen = cookies.get(languageCookie)?.value;
  locals.user = null;
  locals.token = null;
  locals.locale = resolveLocale(null, chosen);

  const token = readSessionToken(cookies);
  if (token) {
    try {
      const me = await portalApi({
        token,
        locale: locals.locale,
        userAgent: request.headers.get("user-agent"),
        clientAddress: context.clientAddress,
      }).me();
      locals.user = me;
      locals.token = token;
      locals.locale = resolveLocale(me.locale, chosen);
    } catch (error) {
      // An expired or revoked session: forget it. An unreachable API: pages show the error.
      if (error instanceof ApiError && error.problem.status === 401) clearSessionCookie(cookies);
      else throw error;
    }
  }

  let response = await next();
  // Some responses (Response.redirect, fetched ones) have immutable headers: copy them first.
  try {
    response.headers.set("x-content-type-options", "nosniff");
  } catch {
    response = new Response(response.body, response);
  }
  const headers = response.headers;
  applySecurityHeaders(headers, {
    helpOrigin: config.helpUrl,
    helpSearch: locals.helpSearch === true,
    production: config.production,
  });
  if (token || request.method !== "GET") headers.set("cache-control", "private, no-store");
  headers.append("vary", "cookie");
  return response;
});
