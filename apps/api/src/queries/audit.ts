/** Reads of the staff administration audit trail, newest first, with the actor's name and parsed before/after. */
import type { AuditLogRow, Db } from "../db/schema.ts";

export const auditEntityTypes = ["organization", "user", "invitation"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export interface AuditFilters {
  entityType?: AuditEntityType | undefined;
  entityId?: string | undefined;
  limit: number;
  offset: number;
}

/** The stored JSON text of a before/after snapshot as an object; null when absent or not an object. */
export function parseSnapshot(value: string | null): Record<string, unknown> | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function presentAuditEntry(row: AuditLogRow & { actorName: string }) {
  return {
    id: row.id,
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: parseSnapshot(row.before),
    after: parseSnapshot(row.after),
    createdAt: row.createdAt,
  };
}

/**
 * A page of the audit log, newest first (then by id, so pages never overlap when several entries
 * share a time), optionally one entity type or one record's history.
 */
export async function listAuditEntries(db: Db, filters: AuditFilters) {
  let query = db
    .selectFrom("auditLog")
    .innerJoin("users", "users.id", "auditLog.actorId")
    .selectAll("auditLog")
    .select("users.name as actorName");
  let total = db.selectFrom("auditLog").select((eb) => eb.fn.countAll().as("total"));
  if (filters.entityType) {
    query = query.where("auditLog.entityType", "=", filters.entityType);
    total = total.where("entityType", "=", filters.entityType);
  }
  if (filters.entityId) {
    query = query.where("auditLog.entityId", "=", filters.entityId);
    total = total.where("entityId", "=", filters.entityId);
  }
  const [rows, counted] = await Promise.all([
    query
      .orderBy("auditLog.createdAt", "desc")
      .orderBy("auditLog.id", "desc")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    total.executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(presentAuditEntry),
    // count(*) arrives as a bigint string from PostgreSQL and as a number from SQLite.
    total: Number(counted.total),
    limit: filters.limit,
    offset: filters.offset,
  };
}
