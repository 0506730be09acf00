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

/** Areas of the portal by role; agents and admins get theirs in later issues. */
export type Area = "customer" | "staff";

/**
 * The area a user belongs to.
 * @example areaOf({ role: "agent" }) // "staff"
 */
export function areaOf(user: Pick<PortalUser, "role">): Area {
  return isStaff(user.role) ? "staff" : "customer";
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
 * The signed-in customer, or a redirect: anonymous → sign-in page, staff → their area.
 * @example const guard = requireCustomer(Astro); if (!guard.ok) return guard.response;
 */
export function requireCustomer(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<Customer> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  if (!isCustomer(user)) return { ok: false, response: astro.redirect("/staff", 303) };
  return { ok: true, user };
}

/** The signed-in user of any role, or a redirect to the sign-in page. */
export function requireUser(astro: Pick<AstroGlobal, "locals" | "url" | "redirect">): Guarded<PortalUser> {
  const user = astro.locals.user;
  if (!user) return { ok: false, response: astro.redirect(loginUrl(astro.url), 303) };
  return { ok: true, user };
}
