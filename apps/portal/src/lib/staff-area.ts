/**
 * The staff areas of the portal by route: `/agent/…` (agents and admins) and `/admin/…` (admins).
 * Pages check the role themselves (lib/auth.ts); the middleware uses this as a second lock.
 */
import { isRoleId, isStaff } from "@cirrus/domain";

export type StaffArea = "agent" | "admin";

/**
 * The staff area a route belongs to, or null for customer and public pages.
 * @example staffAreaOf("/agent/requests/[reference]") // "agent"
 * @example staffAreaOf("/agents") // null
 */
export function staffAreaOf(route: string): StaffArea | null {
  const inside = (root: string) => route === root || route.startsWith(`${root}/`);
  if (inside("/agent") || inside("/staff")) return "agent";
  if (inside("/admin")) return "admin";
  return null;
}

/**
 * Whether a role may enter an area: staff the agent console, admins the administration.
 * @example mayEnter("agent", "admin") // false
 */
export function mayEnter(role: string, area: StaffArea): boolean {
  if (!isRoleId(role)) return false;
  return area === "agent" ? isStaff(role) : role === "admin";
}
