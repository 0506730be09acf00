/**
 * Who may call a route. Every route declares one level; it is enforced by middleware placed before
 * validation (so anonymous callers get 401, not 422) and published in the OpenAPI document as
 * `x-access`, from which the authorization matrix test is generated.
 */

import { isStaff } from "@cirrus/domain";
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Auth } from "./app-env.ts";
import { Problem } from "./problems.ts";

export const accessLevels = ["public", "authenticated", "customer", "staff", "admin"] as const;
export type Access = (typeof accessLevels)[number];

function allowed(access: Access, auth: Auth): boolean {
  switch (access) {
    case "public":
    case "authenticated":
      return true;
    case "customer":
      return auth.user.role === "customer" && auth.user.organizationId !== null;
    case "staff":
      return isStaff(auth.user.role);
    case "admin":
      return auth.user.role === "admin";
  }
}

export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (access !== "public") {
      const auth = c.get("auth");
      if (!auth) throw new Problem("unauthenticated", { headers: { "www-authenticate": "Bearer" } });
      if (!allowed(access, auth)) throw new Problem("forbidden");
    }
    await next();
  });
}

/**
 * `createRoute` with an access level: adds the guard, the security requirement and `x-access`.
 * @example const getMe = defineRoute("authenticated", { method: "get", path: "/v1/me", responses: {…} })
 */
export function defineRoute<const R extends RouteConfig>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [requireAccess(access)] as const,
    security: access === "public" ? [] : [{ bearer: [] }],
    "x-access": access,
  });
}

/** The signed-in caller; only call from routes whose access level guarantees one. */
export function authOf(c: { get(key: "auth"): Auth | null }): Auth {
  const auth = c.get("auth");
  if (!auth) throw new Problem("unauthenticated");
  return auth;
}
