/** Who a user is: a customer of an organization, or Cirrus Shield staff (agent, admin). */
import type { Localized } from "./i18n.ts";

export const roleIds = ["customer", "agent", "admin"] as const;
export type RoleId = (typeof roleIds)[number];

/**
 * Labels of each role.
 * @example roles.agent.fr // "Agent du support"
 */
export const roles: Readonly<Record<RoleId, Localized>> = {
  customer: { fr: "Client", en: "Customer" },
  agent: { fr: "Agent du support", en: "Support agent" },
  admin: { fr: "Administrateur", en: "Administrator" },
};

/**
 * Whether a role is Cirrus Shield staff (agents and admins work requests; admins also manage accounts).
 * @example isStaff("admin") // true
 */
export function isStaff(role: RoleId): boolean {
  return role === "agent" || role === "admin";
}

/**
 * Whether a value is a role id.
 * @example isRoleId("agent") // true
 */
export function isRoleId(value: unknown): value is RoleId {
  return typeof value === "string" && (roleIds as readonly string[]).includes(value);
}

export const channelIds = ["portal", "email"] as const;
export type ChannelId = (typeof channelIds)[number];

/**
 * How a request reached support.
 * @example channels.email.fr // "E-mail"
 */
export const channels: Readonly<Record<ChannelId, Localized>> = {
  portal: { fr: "Portail", en: "Portal" },
  email: { fr: "E-mail", en: "E-mail" },
};
