/** A request's history: one event per change of status, criticality, assignee or quote, with who, why and when. */
import { newId } from "../db/ids.ts";
import type { Db, RequestEvent } from "../db/schema.ts";

/** What changed, from what to what, by whom (null: the system) and why. */
export interface HistoryEvent {
  readonly actorId: string | null;
  readonly kind: RequestEvent["kind"];
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string | null;
}

/** Records a change of a request; call inside the transaction that makes the change. */
export async function recordEvent(db: Db, requestId: string, event: HistoryEvent, at: string): Promise<void> {
  await db
    .insertInto("requestEvents")
    .values({
      id: newId(),
      requestId,
      actorId: event.actorId,
      kind: event.kind,
      fromValue: event.from,
      toValue: event.to,
      reason: event.reason,
      createdAt: at,
    })
    .execute();
}
