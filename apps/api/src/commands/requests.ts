/**
 * Changing requests: open, reply, internal note, status, criticality, assignee. Each command checks
 * the domain rule, writes the change and its history in one transaction, and returns the row.
 */
import {
  assertCanOpenRequest,
  assertTransition,
  autoCloseAfterDays,
  type CriticalityId,
  firstResponseDueAt,
  type RequestCategoryId,
  type RequestStatusId,
  statusAfterPublicMessage,
} from "@cirrus/domain";
import type { Kysely, Transaction } from "kysely";
import { newId } from "../db/ids.ts";
import type { Database, SupportRequest, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { findOrganization, parseAddOns } from "../queries/users.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface OpenRequestInput {
  subject: string;
  category: RequestCategoryId;
  body: string;
  criticality?: CriticalityId | undefined;
  linkedRequestId?: string | undefined;
  channel?: "portal" | "email";
}

async function recordEvent(
  db: Db,
  requestId: string,
  actorId: string | null,
  kind: "status" | "criticality" | "assignee" | "quote",
  from: string | null,
  to: string | null,
  reason: string | null,
  at: string,
) {
  await db
    .insertInto("requestEvents")
    .values({ id: newId(), requestId, actorId, kind, fromValue: from, toValue: to, reason, createdAt: at })
    .execute();
}

async function nextRequestNumber(trx: Db): Promise<number> {
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "request")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Opens a request for a customer: checks the plan (`canOpenRequest`), fixes tier and due time at
 * receipt, stores the first message. Criticality is kept only for Premium (it is their classification).
 */
export async function openRequest(db: Kysely<Database>, customer: User, input: OpenRequestInput, now: Date) {
  const org = await findOrganization(db, customer.organizationId);
  if (!org) throw new Problem("forbidden");
  assertCanOpenRequest(org.tier, parseAddOns(org.addOns), input.category);
  const criticality = org.tier === "premium" ? (input.criticality ?? null) : null;
  if (input.linkedRequestId) {
    const linked = await db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", input.linkedRequestId)
      .where("organizationId", "=", org.id)
      .executeTakeFirst();
    if (!linked) {
      throw new Problem("validation-failed", {
        extra: { errors: [{ field: "linkedRequestId", code: "not-found", message: "Unknown request." }] },
      });
    }
  }
  const at = now.toISOString();
  const due = firstResponseDueAt(org.tier, now);
  return db.transaction().execute(async (trx) => {
    const request: SupportRequest = {
      id: newId(),
      number: await nextRequestNumber(trx),
      organizationId: org.id,
      openedBy: customer.id,
      subject: input.subject,
      category: input.category,
      criticality,
      tier: org.tier,
      status: "new",
      statusChangedAt: at,
      channel: input.channel ?? "portal",
      receivedAt: at,
      firstResponseDueAt: due?.toISOString() ?? null,
      firstRespondedAt: null,
      awaitingReplySince: null,
      assigneeId: null,
      linkedRequestId: input.linkedRequestId ?? null,
      updatedAt: at,
    };
    await trx.insertInto("requests").values(request).execute();
    await trx
      .insertInto("messages")
      .values({
        id: newId(),
        requestId: request.id,
        authorId: customer.id,
        visibility: "public",
        body: input.body,
        createdAt: at,
      })
      .execute();
    await recordEvent(trx, request.id, customer.id, "status", null, "new", null, at);
    return request;
  });
}

/**
 * Adds a message. A public customer reply reopens a waiting or resolved request and starts the
 * reply clock; an agent's first public reply records the first response; internal notes change
 * nothing but the conversation (and never count as a response).
 */
export async function addMessage(
  db: Kysely<Database>,
  request: SupportRequest,
  author: User,
  input: {
    body: string;
    visibility: "public" | "internal";
    status?: RequestStatusId | undefined;
    reason?: string | undefined;
  },
  now: Date,
) {
  const actor = author.role === "customer" ? "customer" : "agent";
  if (actor === "customer" && input.visibility === "internal") throw new Problem("forbidden");
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: another reply may have changed the status meanwhile.
    const current = await trx
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    const changes: Partial<SupportRequest> = { updatedAt: at };
    let status = current.status;
    if (input.visibility === "public") {
      status = statusAfterPublicMessage(current.status, actor);
      if (actor === "agent") {
        changes.awaitingReplySince = null;
        if (!current.firstRespondedAt) changes.firstRespondedAt = at;
      } else if (current.firstRespondedAt && !current.awaitingReplySince) {
        changes.awaitingReplySince = at;
      }
    } else if (current.status === "closed") {
      throw new Problem("illegal-transition");
    }
    if (input.status && input.status !== status && actor === "agent") {
      assertTransition(
        { status, statusChangedAt: new Date(current.statusChangedAt) },
        input.status,
        "agent",
        now,
      );
      status = input.status;
    }
    if (status !== current.status) {
      changes.status = status;
      changes.statusChangedAt = at;
      await recordEvent(
        trx,
        current.id,
        author.id,
        "status",
        current.status,
        status,
        input.reason ?? null,
        at,
      );
    }
    const message = {
      id: newId(),
      requestId: current.id,
      authorId: author.id,
      visibility: input.visibility,
      body: input.body,
      createdAt: at,
    };
    await trx.insertInto("messages").values(message).execute();
    await trx.updateTable("requests").set(changes).where("id", "=", current.id).execute();
    return { ...current, ...changes };
  });
}

/** Moves a request to another status (close, reopen, resolve…) after the domain's check. */
export async function changeStatus(
  db: Kysely<Database>,
  request: SupportRequest,
  actor: { user: User | null; as: "customer" | "agent" | "system" },
  to: RequestStatusId,
  reason: string | null,
  now: Date,
) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    assertTransition(
      { status: current.status, statusChangedAt: new Date(current.statusChangedAt) },
      to,
      actor.as,
      now,
    );
    const changes: Partial<SupportRequest> = { status: to, statusChangedAt: at, updatedAt: at };
    await trx.updateTable("requests").set(changes).where("id", "=", current.id).execute();
    await recordEvent(trx, current.id, actor.user?.id ?? null, "status", current.status, to, reason, at);
    return { ...current, ...changes };
  });
}

/** Re-classifies criticality (staff; the reason is required and kept in history). */
export async function changeCriticality(
  db: Kysely<Database>,
  request: SupportRequest,
  agent: User,
  criticality: CriticalityId | null,
  reason: string,
  now: Date,
) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    if (current.criticality === criticality) return current;
    await trx
      .updateTable("requests")
      .set({ criticality, updatedAt: at })
      .where("id", "=", current.id)
      .execute();
    await recordEvent(trx, current.id, agent.id, "criticality", current.criticality, criticality, reason, at);
    return { ...current, criticality, updatedAt: at };
  });
}

/** Assigns a request to a staff member (or nobody). */
export async function assignRequest(
  db: Kysely<Database>,
  request: SupportRequest,
  agent: User,
  assigneeId: string | null,
  now: Date,
) {
  if (assigneeId) {
    const assignee = await db
      .selectFrom("users")
      .select(["id", "role", "disabledAt"])
      .where("id", "=", assigneeId)
      .executeTakeFirst();
    if (!assignee || assignee.role === "customer" || assignee.disabledAt) {
      throw new Problem("validation-failed", {
        extra: {
          errors: [{ field: "assigneeId", code: "not-staff", message: "Not an active support agent." }],
        },
      });
    }
  }
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    if (current.assigneeId === assigneeId) return current;
    await trx
      .updateTable("requests")
      .set({ assigneeId, updatedAt: at })
      .where("id", "=", current.id)
      .execute();
    await recordEvent(trx, current.id, agent.id, "assignee", current.assigneeId, assigneeId, null, at);
    return { ...current, assigneeId, updatedAt: at };
  });
}

/** Closes resolved requests left 7 days without a customer reply; returns how many were closed. */
export async function closeStaleResolved(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - autoCloseAfterDays * 86_400_000).toISOString();
  const stale = await db
    .selectFrom("requests")
    .selectAll()
    .where("status", "=", "resolved")
    .where("statusChangedAt", "<=", cutoff)
    .limit(500)
    .execute();
  for (const request of stale)
    await changeStatus(db, request, { user: null, as: "system" }, "closed", null, now);
  return stale.length;
}
