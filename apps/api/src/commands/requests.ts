/**
 * Changing requests: open, reply, internal note, status, criticality, assignee. Each command checks
 * the domain rule, writes the change and its history in one transaction, and returns the row.
 */
import {
  assertCanOpenRequest,
  assertTransition,
  autoCloseAfterDays,
  type CriticalityId,
  classifiesCriticality,
  firstResponseDueAt,
  type RequestCategoryId,
  type RequestStatusId,
  statusAfterPublicMessage,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import { linkAttachments } from "../attachments/link.ts";
import { newId } from "../db/ids.ts";
import { inTransaction } from "../db/in-transaction.ts";
import type { Database, Db, SupportRequest, User } from "../db/schema.ts";
import {
  type MailLinks,
  notifyAgentReply,
  notifyRequestReceived,
  notifyResolved,
} from "../mail/notifications.ts";
import { Problem } from "../problems.ts";
import { runningDueAt } from "../queries/requests.ts";
import { findOrganization, parseAddOns } from "../queries/users.ts";
import { type HistoryEvent, recordEvent } from "./request-events.ts";

export interface OpenRequestInput {
  subject: string;
  category: RequestCategoryId;
  body: string;
  criticality?: CriticalityId | undefined;
  linkedRequestId?: string | undefined;
  channel?: "portal" | "email";
  /** The `Message-ID` of the e-mail the request came in with. */
  emailMessageId?: string | undefined;
  /** Names of e-mail attachments that were not kept (the acknowledgement says so). */
  attachmentsNotKept?: readonly string[] | undefined;
  /** The customer's pending uploads to attach to the first message. */
  attachmentIds?: readonly string[] | undefined;
}

/** The request as it is now, read inside the transaction: another change may have landed meanwhile. */
function currentRequest(trx: Db, id: string): Promise<SupportRequest> {
  return trx.selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** `changes` plus the running clock's due time they lead to (the queue's stored sort key). */
function withRunningDue(current: SupportRequest, changes: Partial<SupportRequest>): Partial<SupportRequest> {
  return { ...changes, runningDueAt: runningDueAt({ ...current, ...changes }) };
}

/** Writes `changes` and `updatedAt` to the request, records the event; returns the row as it now is. */
async function applyChange(
  trx: Db,
  current: SupportRequest,
  changes: Partial<SupportRequest>,
  event: HistoryEvent,
  at: string,
): Promise<SupportRequest> {
  const updated = withRunningDue(current, { ...changes, updatedAt: at });
  await trx.updateTable("requests").set(updated).where("id", "=", current.id).execute();
  await recordEvent(trx, current.id, event, at);
  return { ...current, ...updated };
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
 * receipt, stores the first message and queues the acknowledgement mail. Criticality is kept only
 * for Premium (it is their classification). Joins the caller's transaction when given one.
 */
export async function openRequest(
  db: Db,
  customer: User,
  input: OpenRequestInput,
  now: Date,
  links: MailLinks,
) {
  const org = await findOrganization(db, customer.organizationId);
  if (!org) throw new Problem("forbidden");
  assertCanOpenRequest(org.tier, parseAddOns(org.addOns), input.category);
  const criticality = classifiesCriticality(org.tier) ? (input.criticality ?? null) : null;
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
  return inTransaction(db, async (trx) => {
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
      // A new request's clock is its first response (none for a tier without SLA).
      runningDueAt: due?.toISOString() ?? null,
      assigneeId: null,
      linkedRequestId: input.linkedRequestId ?? null,
      updatedAt: at,
    };
    await trx.insertInto("requests").values(request).execute();
    const messageId = newId();
    await trx
      .insertInto("messages")
      .values({
        id: messageId,
        requestId: request.id,
        authorId: customer.id,
        visibility: "public",
        body: input.body,
        createdAt: at,
        emailMessageId: input.emailMessageId ?? null,
      })
      .execute();
    await linkAttachments(trx, input.attachmentIds, customer, { requestId: request.id, messageId });
    const event: HistoryEvent = { actorId: customer.id, kind: "status", from: null, to: "new", reason: null };
    await recordEvent(trx, request.id, event, at);
    await notifyRequestReceived(trx, request, links, now, input.attachmentsNotKept);
    return request;
  });
}

/**
 * Adds a message. A public customer reply reopens a waiting or resolved request and starts the
 * reply clock; an agent's first public reply records the first response; internal notes change
 * nothing but the conversation (and never count as a response). An agent's public reply is mailed
 * to the request's participants; a note that resolves the request sends the "resolved" mail.
 */
export async function addMessage(
  db: Db,
  request: SupportRequest,
  author: User,
  input: {
    body: string;
    visibility: "public" | "internal";
    status?: RequestStatusId | undefined;
    reason?: string | undefined;
    /** The `Message-ID` of the e-mail the message came in with. */
    emailMessageId?: string | undefined;
    /** The author's pending uploads to attach. */
    attachmentIds?: readonly string[] | undefined;
  },
  now: Date,
  links: MailLinks,
) {
  const actor = author.role === "customer" ? "customer" : "agent";
  if (actor === "customer" && input.visibility === "internal") throw new Problem("forbidden");
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const current = await currentRequest(trx, request.id);
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
      const event: HistoryEvent = {
        actorId: author.id,
        kind: "status",
        from: current.status,
        to: status,
        reason: input.reason ?? null,
      };
      await recordEvent(trx, current.id, event, at);
    }
    const message = {
      id: newId(),
      requestId: current.id,
      authorId: author.id,
      visibility: input.visibility,
      body: input.body,
      createdAt: at,
      emailMessageId: input.emailMessageId ?? null,
    };
    await trx.insertInto("messages").values(message).execute();
    await linkAttachments(trx, input.attachmentIds, author, { requestId: current.id, messageId: message.id });
    const written = withRunningDue(current, changes);
    await trx.updateTable("requests").set(written).where("id", "=", current.id).execute();
    const updated: SupportRequest = { ...current, ...written };
    if (actor === "agent" && input.visibility === "public") {
      await notifyAgentReply(trx, updated, { body: input.body, agentName: author.name }, links, now);
    } else if (actor === "agent" && status === "resolved" && current.status !== "resolved") {
      await notifyResolved(trx, updated, links, now);
    }
    return updated;
  });
}

/**
 * Moves a request to another status (close, reopen, resolve…) after the domain's check; resolving
 * mails the participants how to reopen.
 */
export async function changeStatus(
  db: Db,
  request: SupportRequest,
  actor: { user: User | null; as: "customer" | "agent" | "system" },
  to: RequestStatusId,
  reason: string | null,
  now: Date,
  links: MailLinks,
) {
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const current = await currentRequest(trx, request.id);
    assertTransition(
      { status: current.status, statusChangedAt: new Date(current.statusChangedAt) },
      to,
      actor.as,
      now,
    );
    const event: HistoryEvent = {
      actorId: actor.user?.id ?? null,
      kind: "status",
      from: current.status,
      to,
      reason,
    };
    const updated = await applyChange(trx, current, { status: to, statusChangedAt: at }, event, at);
    if (to === "resolved" && current.status !== "resolved") await notifyResolved(trx, updated, links, now);
    return updated;
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
    const current = await currentRequest(trx, request.id);
    if (current.criticality === criticality) return current;
    const event: HistoryEvent = {
      actorId: agent.id,
      kind: "criticality",
      from: current.criticality,
      to: criticality,
      reason,
    };
    return applyChange(trx, current, { criticality }, event, at);
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
    const current = await currentRequest(trx, request.id);
    if (current.assigneeId === assigneeId) return current;
    const event: HistoryEvent = {
      actorId: agent.id,
      kind: "assignee",
      from: current.assigneeId,
      to: assigneeId,
      reason: null,
    };
    return applyChange(trx, current, { assigneeId }, event, at);
  });
}

/** Closes resolved requests left 7 days without a customer reply; returns how many were closed. */
export async function closeStaleResolved(db: Kysely<Database>, now: Date, links: MailLinks): Promise<number> {
  const cutoff = new Date(now.getTime() - autoCloseAfterDays * 86_400_000).toISOString();
  const stale = await db
    .selectFrom("requests")
    .selectAll()
    .where("status", "=", "resolved")
    .where("statusChangedAt", "<=", cutoff)
    .limit(500)
    .execute();
  for (const request of stale)
    await changeStatus(db, request, { user: null, as: "system" }, "closed", null, now, links);
  return stale.length;
}
