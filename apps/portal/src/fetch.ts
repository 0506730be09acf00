/**
 * The portal's request pipeline (Astro 7's fetch entrypoint, `fetchFile` default): Astro's own
 * pipeline unchanged — origin check, src/middleware.ts, pages, error pages — then
 * `finishResponse`, which also reaches the responses the middleware never sees (Astro's CSRF 403,
 * an error page rendered after the middleware failed). See lib/finish-response.ts.
 */
import type { Fetchable } from "astro";
import { astro, FetchState } from "astro/fetch";
import { finishResponse } from "./lib/finish-response.ts";

export default {
  async fetch(request: Request): Promise<Response> {
    const state = new FetchState(request);
    const response = await astro(state);
    return finishResponse(request, response, state.locals?.helpSearch === true);
  },
} satisfies Fetchable;
