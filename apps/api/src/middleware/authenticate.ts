/** Reads `Authorization: Bearer <id>.<secret>` and puts the session's user on the context. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { validateSessionToken } from "../auth/sessions.ts";

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (header?.startsWith("Bearer ")) {
    const { db, clock } = c.get("deps");
    const auth = await validateSessionToken(db, header.slice(7).trim(), clock());
    if (auth) {
      c.set("auth", auth);
      c.set("locale", auth.user.locale);
      // What a signed-in caller reads is theirs: never stored by a shared cache (unless the route
      // says otherwise, e.g. a download's ETag revalidation).
      c.header("cache-control", "private, no-store");
    }
  }
  await next();
});
