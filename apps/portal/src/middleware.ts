/**
 * Every request: the session cookie → the signed-in user (GET /v1/me), the page's language, and
 * on the way out the security headers and `Cache-Control: no-store` for personal pages.
 * Authorization is decided by each page and form handler itself (lib/auth.ts); the staff areas
 * (/agent, /admin) are also closed here to anyone whose role (from /v1/me) is not staff, as a second
 * lock: a customer gets the 404 page, never content.
 */
import { defineMiddleware } from "astro:middleware";
import { ApiError } from "./lib/api.ts";
import { config } from "./lib/config.ts";
import { languageCookie, resolveLocale } from "./lib/locale.ts";
import { portalApi } from "./lib/portal-api.ts";
import { applySecurityHeaders } from "./lib/security-headers.ts";
import { clearSessionCookie, readSessionToken } from "./lib/session.ts";
import { mayEnter, staffAreaOf } from "./lib/staff-area.ts";
import { isApiUnavailable, markApiUnavailable, wasApiUnavailable } from "./lib/unavailable.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  const { cookies, locals, request } = context;
  const chosen = cookies.get(languageCookie)?.value;
  locals.user = null;
  locals.token = null;
  locals.locale = resolveLocale(null, chosen);

  const token = readSessionToken(cookies);
  // The error page of a request that already found the API unreachable: do not wait for it twice.
  if (token && !wasApiUnavailable(request)) {
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
      else {
        if (isApiUnavailable(error)) markApiUnavailable(request);
        throw error;
      }
    }
  }

  // Anonymous visitors are sent to sign in by the pages; a signed-in user without the role gets 404
  // (an empty 404 makes Astro render src/pages/404.astro). By route, not URL: the 404 page rendered
  // for /agent/… then passes.
  const area = staffAreaOf(context.routePattern);
  if (area && locals.user && !mayEnter(locals.user.role, area)) {
    return finish(new Response(null, { status: 404 }), context, token);
  }

  return finish(await next(), context, token);
});

function finish(
  original: Response,
  { locals, request }: { locals: App.Locals; request: Request },
  token: string | null,
): Response {
  let response = original;
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
}
