/** The audit trail of staff administration: who did what to which record, when, with before/after. */
import { newId } from "../../db/ids.ts";
import type { Db, User } from "../../db/schema.ts";

export interface AuditEntry {
  actor: User;
  action: string;
  entityType: "organization" | "user" | "invitation";
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Records an admin action; call inside the transaction that makes the change. */
export async function audit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      id: newId(),
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      createdAt: now.toISOString(),
    })
    .execute();
}

/** The fields that differ between two versions, as { before, after }; null when nothing changed. */
export function changes<T extends Record<string, unknown>>(before: T, after: T) {
  const changed = Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}
