/** POST /logout: ends the API session, clears the cookie, back to the sign-in page (no-store). */
import type { APIRoute } from "astro";
import { callsFor } from "../lib/portal-api.ts";
import { clearSessionCookie } from "../lib/session.ts";

export const POST: APIRoute = async (context) => {
  if (context.locals.token) {
    // Best effort: the cookie is cleared whatever the API answers (an expired session is already gone).
    await callsFor(context)
      .logout()
      .catch(() => undefined);
  }
  clearSessionCookie(context.cookies);
  return new Response(null, {
    status: 303,
    headers: { location: "/login?done=signed-out", "cache-control": "no-store" },
  });
};

export const GET: APIRoute = () => new Response(null, { status: 303, headers: { location: "/" } });
