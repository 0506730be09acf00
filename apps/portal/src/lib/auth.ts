/**
 * Who is signed in, and the checks every page and form handler makes itself (authorization lives
 * in each handler, never in a URL pattern; the API checks again on every call).
 */
import { isStaff, type Locale } from "@cirrus/domain";
import type { AstroGlobal } from "astro";
import type { InferResponseType } from "hono/client";
import type { Api, Caller } from "./api.ts";

type MeEndpoint = Api["v1"]["me"]["$get"];

/** The signed-in user as GET /v1/me returns it (with the organization's plan and entitlements). */
export type PortalUser = InferResponseType<MeEndpoint, 200>;
export type Organization = NonNullable<PortalUser["organization"]>;

/** A customer with an organization: what the customer pages need. */
export type Customer = PortalUser & { role: "customer"; organization: Organization };

/** Staff: agents work requests; admins also manage organizations, users and invitations. */
export type StaffUser = PortalUser & { role: "agent" | "admin" };
export type AdminUser = PortalUser & { role: "admin" };

/** Areas of the portal by role. */
export type Area = "customer" | "agent" | "admin";

/**
 * The area a user belongs to.
 * @example areaOf({ role: "agent" }) // "agent"
 */
export function areaOf(user: Pick<PortalUser, "role">): Area {
  return user.role === "admin" ? "admin" : user.role === "agent" ? "agent" : "customer";
}

/**
 * Where a user lands: the customer home, or the agents' queue for staff (admins included).
 * @example homeOf({ role: "admin" }) // "/agent"
 */
export function homeOf(user: Pick<PortalUser, "role">): string {
  return isStaff(user.role) ? "/agent" : "/";
}

export function isStaffUser(user: PortalUser | null): user is StaffUser {
  return user !== null && isStaff(user.role);
}

export function isCustomer(user: PortalUser | null): user is Customer {
  return user !== null && user.role === "customer" && user.organization !== null;
}

/** The caller of API calls made for this request. */
export function callerOf(
  astro: Pick<AstroGlobal, "locals" | "request" | "clientAddress">,
  locale?: Locale,
): Caller {
  let clientAddress: string | null = null;
  try {
    clientAddress = astro.clientAddress;
  } catch {
    // not known (e.g. prerendering): nothing to pass on
  }
  return {
    token: astro.locals.token,
    locale: locale ?? astro.locals.locale,
    userAgent: astro.request.headers.get("user-agent"),
    clientAddress,
  };
}

/**
 * A same-site path to return to after signing in; anything else (absolute URLs, `//host`,
 * backslashes) falls back to the home page, so `next` cannot be an open redirect.
 * @example safeNext("/requests?status=open") // "/requests?status=open"
 * @example safeNext("//evil.example") // "/"
 */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  if (/\p{Cc}/u.test(value)) return "/";
  return value.slice(0, 500);
}

/** The sign-in URL that comes back to the current page. */
export function loginUrl(url: URL): string {
  const here = url.pathname + url.search;
  return here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`;
}

/** Result of a page guard: the customer, or the response to send instead. */
export type Guarded<T> = { ok: true; user: T } | { ok: false; response: Response };

/**
 * An empty 404: Astro renders src/pages/404.astro for it. What someone without the role gets on a
 * staff page — the same answer as for a page that does not exist, so nothing is revealed.
 */
export function notFoundResponse(): Response {
  return new Response(null, { status: 404 });
}

/**
 * The signed-in customer, or a redirect: anonymous → sign-in page, staff → their area.
 * @example const guard = requireCustomer(Astro); if (!guard.ok) return guard.response;
 */
export function requireCustomer(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<Customer> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  if (!isCustomer(user)) return { ok: false, response: astro.redirect(homeOf(user), 303) };
  return { ok: true, user };
}

/**
 * A signed-in agent or admin, or: anonymous → sign-in page, anyone else → 404.
 * @example const guard = requireStaff(Astro); if (!guard.ok) return guard.response;
 */
export function requireStaff(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<StaffUser> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  if (!isStaffUser(user)) return { ok: false, response: notFoundResponse() };
  return { ok: true, user };
}

/**
 * A signed-in admin, or: anonymous → sign-in page, anyone else (agents included) → 404.
 * @example const guard = requireAdmin(Astro); if (!guard.ok) return guard.response;
 */
export function requireAdmin(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<AdminUser> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  if (user.role !== "admin") return { ok: false, response: notFoundResponse() };
  return { ok: true, user: user as AdminUser };
}

/** The signed-in user of any role, or a redirect to the sign-in page. */
export function requireUser(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<PortalUser> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  return { ok: true, user };
}
