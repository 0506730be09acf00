/**
 * GET /attachments/{id}: a file of a message, streamed from the API with the viewer's session (the
 * API decides who may see it: the request's organization for public messages, staff for all).
 * `?inline=1` asks for an image to be shown in place (thumbnails); everything else downloads.
 */
import type { APIRoute } from "astro";
import { apiFetch, apiHeaders } from "../../lib/api.ts";
import { callerOf, loginUrl } from "../../lib/auth.ts";
import { config } from "../../lib/config.ts";
import { isId } from "../../lib/ids.ts";

/** Headers of the API's answer passed on to the browser (type, size, name, and its safety headers). */
const passedOn = [
  "content-type",
  "content-length",
  "content-disposition",
  "content-security-policy",
  "x-content-type-options",
  "etag",
  "repr-digest",
];

export const GET: APIRoute = async (context) => {
  const id = context.params.id ?? "";
  if (!context.locals.user) return context.redirect(loginUrl(context.url), 303);
  if (!isId(id)) return new Response(null, { status: 404 });
  const inline = context.url.searchParams.get("inline") === "1";
  const url = `${config.apiUrl}/v1/attachments/${id}${inline ? "?disposition=inline" : ""}`;
  const upstream = await apiFetch(url, { headers: apiHeaders(callerOf(context)) }, 10 * 60 * 1000);
  if (!upstream.ok) {
    await upstream.body?.cancel();
    // Not found, not theirs, or an internal note's file seen by a customer: one answer for all.
    return new Response(null, { status: upstream.status === 401 ? 401 : 404 });
  }
  const headers = new Headers();
  for (const name of passedOn) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
};
