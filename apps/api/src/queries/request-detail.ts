/** One request in full: the customer's view, and the agent's with internal notes, organization and related requests. */
import {
  allowedTransitions,
  autoCloseAt,
  formatRequestReference,
  type RequestActor,
  reopenDeadline,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import { presentAttachment } from "../attachments/present.ts";
import type { Attachment, Database, SupportRequest } from "../db/schema.ts";
import { presentQuote, presentSummary } from "./requests.ts";
import { findOrganization, presentOrganization } from "./users.ts";

/** Everything about one request; internal notes only when `includeInternal` (staff). */
export async function requestDetail(
  db: Kysely<Database>,
  request: SupportRequest,
  viewer: { actor: Exclude<RequestActor, "system">; includeInternal: boolean },
  now: Date,
) {
  let messagesQuery = db
    .selectFrom("messages")
    .innerJoin("users", "users.id", "messages.authorId")
    .select([
      "messages.id",
      "messages.visibility",
      "messages.body",
      "messages.createdAt",
      "users.id as authorId",
      "users.name as authorName",
      "users.role as authorRole",
    ])
    .where("messages.requestId", "=", request.id);
  if (!viewer.includeInternal) messagesQuery = messagesQuery.where("messages.visibility", "=", "public");
  const [messages, attachments, events, quotes, opener, linked] = await Promise.all([
    messagesQuery.orderBy("messages.createdAt", "asc").orderBy("messages.id", "asc").execute(),
    // All of the request's files; those of messages the viewer cannot see are dropped below.
    db
      .selectFrom("attachments")
      .selectAll()
      .where("requestId", "=", request.id)
      .where("status", "=", "stored")
      .orderBy("createdAt", "asc")
      .orderBy("id", "asc")
      .execute(),
    db
      .selectFrom("requestEvents")
      .leftJoin("users", "users.id", "requestEvents.actorId")
      .select([
        "requestEvents.id",
        "requestEvents.kind",
        "requestEvents.fromValue",
        "requestEvents.toValue",
        "requestEvents.reason",
        "requestEvents.createdAt",
        "users.id as actorId",
        "users.name as actorName",
        "users.role as actorRole",
      ])
      .where("requestEvents.requestId", "=", request.id)
      .orderBy("requestEvents.createdAt", "asc")
      .orderBy("requestEvents.id", "asc")
      .execute(),
    db
      .selectFrom("quotes")
      .selectAll()
      .where("requestId", "=", request.id)
      .orderBy("proposedAt", "desc")
      .execute(),
    db.selectFrom("users").select(["id", "name"]).where("id", "=", request.openedBy).executeTakeFirst(),
    request.linkedRequestId
      ? db
          .selectFrom("requests")
          .select(["id", "number", "subject"])
          .where("id", "=", request.linkedRequestId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const state = { status: request.status, statusChangedAt: new Date(request.statusChangedAt) };
  const filesByMessage = new Map<string, Attachment[]>();
  for (const file of attachments) {
    if (file.messageId)
      filesByMessage.set(file.messageId, [...(filesByMessage.get(file.messageId) ?? []), file]);
  }
  return {
    ...presentSummary({ ...request, openedByName: opener?.name ?? null }, now),
    // Staff see who wrote internal history; customers see "support" for staff actors.
    messages: messages.map((m) => ({
      id: m.id,
      visibility: m.visibility,
      body: m.body,
      createdAt: m.createdAt,
      author: { id: m.authorId, name: m.authorName, role: m.authorRole },
      attachments: (filesByMessage.get(m.id) ?? []).map(presentAttachment),
    })),
    history: events
      .filter((e) => viewer.includeInternal || e.kind !== "assignee")
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        from: e.fromValue,
        to: e.toValue,
        reason: e.reason,
        createdAt: e.createdAt,
        actor: e.actorId ? { id: e.actorId, name: e.actorName ?? "", role: e.actorRole ?? "customer" } : null,
      })),
    quotes: quotes.map((q) => presentQuote(q, now)),
    linkedRequest: linked
      ? { id: linked.id, reference: formatRequestReference(linked.number), subject: linked.subject }
      : null,
    allowedTransitions: allowedTransitions(state, viewer.actor, now),
    reopenDeadline: reopenDeadline(state)?.toISOString() ?? null,
    autoCloseAt: autoCloseAt(state)?.toISOString() ?? null,
  };
}

/**
 * Everything staff see about one request: the full detail with internal notes, its organization,
 * and up to 10 other requests of that organization, most recently updated first.
 */
export async function agentRequestDetail(db: Kysely<Database>, request: SupportRequest, now: Date) {
  const [detail, organization, related] = await Promise.all([
    requestDetail(db, request, { actor: "agent", includeInternal: true }, now),
    findOrganization(db, request.organizationId),
    db
      .selectFrom("requests")
      .select(["id", "number", "subject", "status", "updatedAt"])
      .where("organizationId", "=", request.organizationId)
      .where("id", "!=", request.id)
      .orderBy("updatedAt", "desc")
      .orderBy("id", "desc")
      .limit(10)
      .execute(),
  ]);
  // The foreign key guarantees the organization; a missing one is a broken database, not user input.
  if (!organization)
    throw new Error(`organization ${request.organizationId} of request ${request.id} is missing`);
  return {
    ...detail,
    organization: presentOrganization(organization),
    related: related.map((r) => ({
      id: r.id,
      reference: formatRequestReference(r.number),
      subject: r.subject,
      status: r.status,
      updatedAt: r.updatedAt,
    })),
  };
}
