/**
 * The database as Kysely sees it. Column names are camelCase, the same word as the domain and API
 * field (Kysely quotes every identifier, so both engines keep the case). One representation per
 * kind of value on both engines: ids are app-generated text, timestamps are ISO-8601 UTC text with
 * milliseconds (`2026-11-26T09:00:00.000Z`, sorts as text), flags are text enums, JSON is text.
 */

import type {
  ChannelId,
  CriticalityId,
  Locale,
  QuoteStatusId,
  RequestCategoryId,
  RequestStatusId,
  RoleId,
  TierId,
} from "@cirrus/domain";
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";

/** ISO-8601 UTC timestamp with milliseconds. */
export type Timestamp = string;

export interface OrganizationTable {
  id: string;
  name: string;
  tier: TierId;
  /** JSON array of purchased add-on option ids. */
  addOns: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UserTable {
  id: string;
  /** Null for staff (agents and admins belong to Cirrus Shield, not to a customer). */
  organizationId: string | null;
  /** As typed by the user, for display. */
  email: string;
  /** Lower-cased and trimmed; unique, so e-mails are unique case-insensitively. */
  emailNormalized: string;
  name: string;
  role: RoleId;
  locale: Locale;
  /** Argon2id PHC string; null until the invitation is accepted. */
  passwordHash: string | null;
  disabledAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionTable {
  /** The public half of the token `<id>.<secret>`. */
  id: string;
  /** SHA-256 of the secret half, hex. */
  secretHash: string;
  userId: string;
  createdAt: Timestamp;
  /** Written at most hourly (sliding inactivity timeout). */
  lastUsedAt: Timestamp;
  userAgent: string | null;
}

export interface InvitationTable {
  id: string;
  /** SHA-256 of the one-time token, hex. */
  tokenHash: string;
  email: string;
  emailNormalized: string;
  organizationId: string | null;
  role: RoleId;
  name: string;
  locale: Locale;
  invitedBy: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface PasswordResetTable {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface RequestTable {
  id: string;
  /** Sequential number behind the reference `CS-000123`. */
  number: number;
  organizationId: string;
  openedBy: string;
  subject: string;
  category: RequestCategoryId;
  criticality: CriticalityId | null;
  /** Fixed at receipt: a later tier change does not rewrite history. */
  tier: TierId;
  status: RequestStatusId;
  statusChangedAt: Timestamp;
  channel: ChannelId;
  receivedAt: Timestamp;
  /** Fixed at receipt; null for a tier without SLA. */
  firstResponseDueAt: Timestamp | null;
  firstRespondedAt: Timestamp | null;
  /** Earliest public customer message after the first response that no agent has answered yet. */
  awaitingReplySince: Timestamp | null;
  /**
   * Due time of the running SLA clock (`runningClock` of the domain over the four facts above);
   * null when nothing runs (paused, answered, resolved, no SLA). Derived, stored for the queue's SQL.
   */
  runningDueAt: Timestamp | null;
  assigneeId: string | null;
  /** A final (closed > 30 days) request this one follows up. */
  linkedRequestId: string | null;
  updatedAt: Timestamp;
}

export interface MessageTable {
  id: string;
  requestId: string;
  authorId: string;
  visibility: "public" | "internal";
  body: string;
  createdAt: Timestamp;
  /** The `Message-ID` of the e-mail this message came in with; null for portal messages. */
  emailMessageId: string | null;
}

export interface AttachmentTable {
  id: string;
  uploaderId: string;
  /** Null while pending: uploaded, not yet attached to a message (visible to its uploader only). */
  requestId: string | null;
  messageId: string | null;
  /** Sanitized file name (no path, no control characters). */
  name: string;
  /** The allow-listed media type, detected from the content. */
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the content, computed while it streamed in. */
  sha256: string;
  /** Where the content is: in `attachmentChunks` or in the attachments folder. */
  storage: "database" | "disk";
  status: "uploading" | "stored";
  createdAt: Timestamp;
}

/** Content of database-stored attachments, in order, a few hundred kilobytes per row. */
export interface AttachmentChunkTable {
  attachmentId: string;
  seq: number;
  data: Uint8Array;
}

export interface QuoteTable {
  id: string;
  requestId: string;
  status: QuoteStatusId;
  amountCents: number;
  effortDays: number;
  /** Last day the offer can be accepted, `YYYY-MM-DD` Europe/Paris. */
  validUntil: string;
  terms: string;
  proposedBy: string;
  proposedAt: Timestamp;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
}

export interface RequestEventTable {
  id: string;
  requestId: string;
  /** Null when the system acted (auto-close). */
  actorId: string | null;
  kind: "status" | "criticality" | "assignee" | "quote";
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  createdAt: Timestamp;
}

export interface RateLimitTable {
  /** e.g. `login:account:<e-mail>` or `login:ip:<address>`. */
  key: string;
  tokens: number;
  updatedAt: Timestamp;
}

export interface OutboxTable {
  id: string;
  kind: string;
  toAddress: string;
  locale: Locale;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** JSON object of extra headers (Message-ID, References, Reply-To). */
  headers: string;
  requestId: string | null;
  createdAt: Timestamp;
  attempts: number;
  nextAttemptAt: Timestamp;
  sentAt: Timestamp | null;
  lastError: string | null;
  /** Our `Message-ID` (`<…@support.cirrus-shield.com>`), the same on every attempt. */
  messageId: string | null;
  /** Set while a sender holds the row (a lease: past it, another sender may claim the row again). */
  claimedUntil: Timestamp | null;
}

/** What the SMTP listener did with an inbound mail. */
export type InboundOutcome =
  | "request-opened"
  | "reply-added"
  | "auto-reply-not-entitled"
  | "auto-reply-unknown-sender"
  | "ignored-automated"
  | "ignored-auto-reply-limit"
  | "ignored-staff"
  | "ignored-own-address";

/** Every mail the SMTP listener accepted, once per Message-ID (the same mail twice is processed once). */
export interface InboundMailTable {
  id: string;
  /** The mail's `Message-ID`, or one derived from its content's hash when it has none. */
  messageId: string;
  /** The `From` address as written. */
  fromAddress: string;
  fromNormalized: string;
  /** The envelope sender (`MAIL FROM`); empty for bounces. */
  envelopeFrom: string;
  subject: string;
  /** The text as read (HTML converted to text, quoted history stripped), for the record. */
  textBody: string;
  /** Attachments that came with it (not stored: see the README). */
  attachmentCount: number;
  receivedAt: Timestamp;
  outcome: InboundOutcome;
  /** 1 when an auto-reply was queued for it (at most one per sender per 24 h), else 0. */
  autoReplied: number;
  requestId: string | null;
  /** The known user it came from, if any. */
  userId: string | null;
}

export interface FeedbackTable {
  id: string;
  article: string;
  locale: Locale;
  helpful: number;
  comment: string | null;
  createdAt: Timestamp;
}

/** Every staff administration action: who did what to which record, with before/after JSON. */
export interface AuditLogTable {
  id: string;
  actorId: string;
  /** e.g. `organization.update`, `user.disable`, `invitation.create`. */
  action: string;
  entityType: "organization" | "user" | "invitation";
  entityId: string;
  /** JSON of the changed fields before the action (null on creation). */
  before: string | null;
  /** JSON of the changed fields after the action. */
  after: string | null;
  createdAt: Timestamp;
}

/** A reusable answer text, in one language, that agents insert into their replies. */
export interface CannedReplyTable {
  id: string;
  /** One line, shown in the picker; lists sort by it. */
  title: string;
  body: string;
  locale: Locale;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  passwordResets: PasswordResetTable;
  requests: RequestTable;
  messages: MessageTable;
  quotes: QuoteTable;
  requestEvents: RequestEventTable;
  rateLimits: RateLimitTable;
  outbox: OutboxTable;
  inboundMail: InboundMailTable;
  feedback: FeedbackTable;
  counters: CounterTable;
  auditLog: AuditLogTable;
  cannedReplies: CannedReplyTable;
  attachments: AttachmentTable;
  attachmentChunks: AttachmentChunkTable;
}

export type Organization = Selectable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type SupportRequest = Selectable<RequestTable>;
export type NewSupportRequest = Insertable<RequestTable>;
export type Message = Selectable<MessageTable>;
export type Quote = Selectable<QuoteTable>;
export type RequestEvent = Selectable<RequestEventTable>;
export type OutboxMail = Insertable<OutboxTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type InboundMail = Selectable<InboundMailTable>;
export type UserUpdate = Updateable<UserTable>;
export type CannedReply = Selectable<CannedReplyTable>;
export type Attachment = Selectable<AttachmentTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

/** The database or a transaction on it: what queries and commands that may run inside one accept. */
export type Db = Kysely<Database> | Transaction<Database>;
