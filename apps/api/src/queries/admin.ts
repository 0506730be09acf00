/**
 * Reads for staff administration: organizations with their counts, users (never their password
 * hashes), pending invitations — and how each is shown to admins.
 */
import type { RoleId } from "@cirrus/domain";
import { type SqlBool, sql } from "kysely";
import type { Db, Organization, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { contains } from "./contains.ts";
import { activeStatuses, presentSummary } from "./requests.ts";
import { presentOrganization, presentUser } from "./users.ts";

export interface Page {
  limit: number;
  offset: number;
}

/** count(*) arrives as a bigint string from PostgreSQL and as a number from SQLite. */
const count = (value: unknown) => Number(value ?? 0);

function organizationsWithCounts(db: Db) {
  return db
    .selectFrom("organizations")
    .selectAll("organizations")
    .select((eb) => [
      eb
        .selectFrom("users")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("users.organizationId", "=", "organizations.id")
        .as("userCount"),
      eb
        .selectFrom("requests")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("requests.organizationId", "=", "organizations.id")
        .where("requests.status", "in", activeStatuses)
        .as("openRequestCount"),
    ]);
}

/** An organization as admins see it: plan, entitlements, dates, user and open-request counts. */
export function presentAdminOrganization(
  org: Organization & { userCount: unknown; openRequestCount: unknown },
) {
  return {
    ...presentOrganization(org),
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    userCount: count(org.userCount),
    openRequestCount: count(org.openRequestCount),
  };
}

export async function findAdminOrganization(db: Db, id: string) {
  const org = await organizationsWithCounts(db).where("organizations.id", "=", id).executeTakeFirst();
  if (!org) throw new Problem("not-found");
  return presentAdminOrganization(org);
}

/** Organizations by name, optionally those whose name contains `q`. */
export async function listOrganizations(db: Db, filters: Page & { q?: string | undefined }) {
  let query = organizationsWithCounts(db);
  let total = db.selectFrom("organizations").select((eb) => eb.fn.countAll().as("total"));
  if (filters.q) {
    query = query.where(contains("organizations.name", filters.q));
    total = total.where(contains("organizations.name", filters.q));
  }
  const [rows, counted] = await Promise.all([
    query
      .orderBy("organizations.name")
      .orderBy("organizations.id")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    total.executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(presentAdminOrganization),
    total: count(counted.total),
    limit: filters.limit,
    offset: filters.offset,
  };
}

/** A user as admins see it: the public shape (never the password hash) plus account dates. */
export function presentAdminUser(user: User, org: Organization | undefined) {
  return {
    ...presentUser(user, org),
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

async function organizationsById(db: Db, ids: (string | null)[]): Promise<Map<string, Organization>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("organizations").selectAll().where("id", "in", wanted).execute();
  return new Map(rows.map((o) => [o.id, o]));
}

/** The user row, or a `not-found` problem. */
export async function findUser(db: Db, id: string): Promise<User> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!user) throw new Problem("not-found");
  return user;
}

export async function findAdminUser(db: Db, id: string) {
  const user = await findUser(db, id);
  const orgs = await organizationsById(db, [user.organizationId]);
  return presentAdminUser(user, user.organizationId ? orgs.get(user.organizationId) : undefined);
}

/** Users by name, filtered by organization and role, searched by name and e-mail. */
export async function listUsers(
  db: Db,
  filters: Page & { organizationId?: string | undefined; role?: RoleId | undefined; q?: string | undefined },
) {
  let query = db.selectFrom("users").selectAll();
  let total = db.selectFrom("users").select((eb) => eb.fn.countAll().as("total"));
  if (filters.organizationId) {
    query = query.where("organizationId", "=", filters.organizationId);
    total = total.where("organizationId", "=", filters.organizationId);
  }
  if (filters.role) {
    query = query.where("role", "=", filters.role);
    total = total.where("role", "=", filters.role);
  }
  if (filters.q) {
    const match = sql<SqlBool>`(${contains("users.name", filters.q)} or ${contains("users.emailNormalized", filters.q)})`;
    query = query.where(match);
    total = total.where(match);
  }
  const [rows, counted] = await Promise.all([
    query.orderBy("name").orderBy("id").limit(filters.limit).offset(filters.offset).execute(),
    total.executeTakeFirstOrThrow(),
  ]);
  const orgs = await organizationsById(
    db,
    rows.map((u) => u.organizationId),
  );
  return {
    items: rows.map((u) => presentAdminUser(u, u.organizationId ? orgs.get(u.organizationId) : undefined)),
    total: count(counted.total),
    limit: filters.limit,
    offset: filters.offset,
  };
}

/** Invitations with the names an admin needs (organization, inviter). */
export function invitationsWithNames(db: Db) {
  return db
    .selectFrom("invitations")
    .leftJoin("organizations", "organizations.id", "invitations.organizationId")
    .innerJoin("users as inviter", "inviter.id", "invitations.invitedBy")
    .selectAll("invitations")
    .select([
      "organizations.name as organizationName",
      "organizations.tier as organizationTier",
      "inviter.name as inviterName",
    ]);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationsWithNames>["executeTakeFirstOrThrow"]>>;

/** An invitation as admins see it (never its token or token hash). */
export function presentInvitation(row: InvitationRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    organization:
      row.organizationId && row.organizationName && row.organizationTier
        ? { id: row.organizationId, name: row.organizationName, tier: row.organizationTier }
        : null,
    invitedBy: { id: row.invitedBy, name: row.inviterName },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function findAdminInvitation(db: Db, id: string) {
  const row = await invitationsWithNames(db).where("invitations.id", "=", id).executeTakeFirst();
  if (!row) throw new Problem("not-found");
  return presentInvitation(row);
}

/** Pending invitations (not accepted, not revoked, not expired at `now`), newest first. */
export async function listPendingInvitations(
  db: Db,
  filters: Page & { organizationId?: string | undefined },
  now: Date,
) {
  const at = now.toISOString();
  let query = invitationsWithNames(db)
    .where("invitations.acceptedAt", "is", null)
    .where("invitations.revokedAt", "is", null)
    .where("invitations.expiresAt", ">", at);
  let total = db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll().as("total"))
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", at);
  if (filters.organizationId) {
    query = query.where("invitations.organizationId", "=", filters.organizationId);
    total = total.where("organizationId", "=", filters.organizationId);
  }
  const [rows, counted] = await Promise.all([
    query
      .orderBy("invitations.createdAt", "desc")
      .orderBy("invitations.id")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    total.executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(presentInvitation),
    total: count(counted.total),
    limit: filters.limit,
    offset: filters.offset,
  };
}

/** One organization with its users, pending invitations and `latest` most recently received requests. */
export async function organizationDetail(db: Db, id: string, latest: number, now: Date) {
  const org = await organizationsWithCounts(db).where("organizations.id", "=", id).executeTakeFirst();
  if (!org) throw new Problem("not-found");
  const [users, invitations, requests] = await Promise.all([
    db
      .selectFrom("users")
      .selectAll()
      .where("organizationId", "=", org.id)
      .orderBy("name")
      .orderBy("id")
      .execute(),
    listPendingInvitations(db, { organizationId: org.id, limit: 100, offset: 0 }, now),
    db
      .selectFrom("requests")
      .leftJoin("users", "users.id", "requests.openedBy")
      .selectAll("requests")
      .select("users.name as openedByName")
      .where("requests.organizationId", "=", org.id)
      .orderBy("requests.receivedAt", "desc")
      .orderBy("requests.id", "desc")
      .limit(latest)
      .execute(),
  ]);
  return {
    organization: presentAdminOrganization(org),
    users: users.map((u) => presentAdminUser(u, org)),
    pendingInvitations: invitations.items,
    requests: requests.map((r) => presentSummary(r, now)),
  };
}
