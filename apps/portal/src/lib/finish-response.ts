/**
 * The last step of every response (src/fetch.ts), after Astro's whole pipeline: what the project's
 * middleware cannot do because some responses never pass through it — Astro's origin check answers
 * 403 before any project middleware runs, and an error page rendered after the middleware itself
 * failed skips it. So: the security headers on everything, and 503 instead of 500 when the API was
 * unreachable.
 */
import { config } from "./config.ts";
import { applySecurityHeaders } from "./security-headers.ts";
import { wasApiUnavailable } from "./unavailable.ts";

/** Seconds a client is told to wait when the API is unavailable. */
export const unavailableRetryAfterSeconds = 10;

/**
 * The response to send: headers completed (never replaced), status corrected.
 * @example return finishResponse(request, await astro(state), state.locals.helpSearch === true)
 */
export function finishResponse(
  request: Request,
  response: Response,
  helpSearch: boolean,
  options: { helpOrigin: string; production: boolean } = {
    helpOrigin: config.helpUrl,
    production: config.production,
  },
): Response {
  const unavailable = response.status === 500 && wasApiUnavailable(request);
  // Some responses (redirects, fetched ones) have immutable headers, and a status cannot change in place.
  let result = response;
  if (unavailable) {
    result = new Response(response.body, {
      status: 503,
      statusText: "Service Unavailable",
      headers: response.headers,
    });
  } else {
    try {
      response.headers.set("x-content-type-options", "nosniff");
    } catch {
      result = new Response(response.body, response);
    }
  }
  const headers = result.headers;
  applySecurityHeaders(headers, {
    helpOrigin: options.helpOrigin,
    helpSearch,
    production: options.production,
  });
  if (unavailable) headers.set("retry-after", String(unavailableRetryAfterSeconds));
  // Error pages are about this moment only; personal pages already say `private, no-store`.
  if (result.status >= 500 && !headers.has("cache-control")) headers.set("cache-control", "no-store");
  return result;
}
