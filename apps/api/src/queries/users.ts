/** Users and their organizations: lookups, the public shape of "me", and the staff list. */
import { entitlements, type SupportOptionId } from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { Database, Organization, User } from "../db/schema.ts";

/** Lower-cased, trimmed e-mail: the unique key of an account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function parseAddOns(json: string): SupportOptionId[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value.filter((v) => typeof v === "string") as SupportOptionId[]) : [];
  } catch {
    return [];
  }
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("emailNormalized", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export async function findOrganization(
  db: Kysely<Database>,
  id: string | null,
): Promise<Organization | undefined> {
  if (!id) return undefined;
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The organization as its users see it: plan, add-ons and effective entitlements. */
export function presentOrganization(org: Organization) {
  const addOns = parseAddOns(org.addOns);
  return { id: org.id, name: org.name, tier: org.tier, addOns, entitlements: entitlements(org.tier, addOns) };
}

/** A user as the API shows them (never the password hash). */
export function presentUser(user: User, org: Organization | undefined) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    disabled: user.disabledAt !== null,
    organization: org ? presentOrganization(org) : null,
  };
}

/** Active staff members (agents and admins) by name, for assignment menus. */
export function listStaff(db: Kysely<Database>) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "role"])
    .where("role", "in", ["agent", "admin"])
    .where("disabledAt", "is", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
}
