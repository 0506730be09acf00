/**
 * Sessions per Lucia's guide (lucia-auth.com, `auth_session.ts`): the client gets `<id>.<secret>`
 * once; the database keeps the id and SHA-256(secret), compared in constant time. Two limits: an
 * inactivity timeout (sliding, last use written at most hourly) and an absolute lifetime (OWASP
 * ASVS 5 V7.3.2, not in the guide). The deprecated `lucia` package is not used.
 */
import type { CompiledQuery, Kysely } from "kysely";
import type { Database, Session, User } from "../db/schema.ts";
import { constantTimeEqualHex, generateSecureRandomString, hashToken } from "./tokens.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const sessionPolicy = {
  inactivityTimeoutMs: 10 * DAY_MS,
  absoluteLifetimeMs: 30 * DAY_MS,
  touchIntervalMs: HOUR_MS,
} as const;

export interface SessionWithToken {
  readonly token: string;
  readonly session: Session;
}

/**
 * Starts a new session (a new one on every sign-in, never reused).
 * @example const { token } = await createSession(db, user.id, new Date())
 */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  userAgent: string | null = null,
): Promise<SessionWithToken> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const session: Session = {
    id,
    secretHash: hashToken(secret),
    userId,
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  await db.insertInto("sessions").values(session).execute();
  return { token: `${id}.${secret}`, session };
}

/** When a session stops being valid if unused from now on. */
export function sessionExpiresAt(session: Session): Date {
  const idle = Date.parse(session.lastUsedAt) + sessionPolicy.inactivityTimeoutMs;
  const absolute = Date.parse(session.createdAt) + sessionPolicy.absoluteLifetimeMs;
  return new Date(Math.min(idle, absolute));
}

/** The session and its user by session id: the query every authenticated call runs first. */
function sessionLookupQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .selectAll("users")
    .select([
      "sessions.id as sessionId",
      "sessions.secretHash",
      "sessions.createdAt as sessionCreatedAt",
      "sessions.lastUsedAt",
      "sessions.userAgent",
    ])
    .where("sessions.id", "=", id);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionLookupQuery>["executeTakeFirstOrThrow"]>>;
const compiledLookups = new WeakMap<Kysely<Database>, CompiledQuery<SessionRow>>();

/**
 * The lookup compiled once per database handle (its only parameter is the session id): building
 * and compiling it with Kysely on every call was ~8 % of a small authenticated read (profile in
 * docs/benchmarks.md).
 */
function sessionLookup(db: Kysely<Database>) {
  let compiled = compiledLookups.get(db);
  if (!compiled) {
    compiled = sessionLookupQuery(db, "").compile();
    compiledLookups.set(db, compiled);
  }
  return compiled;
}

/**
 * The session and user behind a token, or null (unknown, wrong secret, expired, user disabled).
 * Expired sessions are deleted; the last-use time is written at most once an hour.
 */
export async function validateSessionToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ session: Session; user: User } | null> {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  const row = (await db.executeQuery<SessionRow>({ ...sessionLookup(db), parameters: [id] })).rows[0];
  if (!row || !constantTimeEqualHex(hashToken(secret), row.secretHash)) return null;
  const { sessionId, secretHash, sessionCreatedAt, lastUsedAt, userAgent, ...user } = row;
  const session: Session = {
    id: sessionId,
    secretHash,
    userId: user.id,
    createdAt: sessionCreatedAt,
    lastUsedAt,
    userAgent,
  };
  if (now.getTime() >= sessionExpiresAt(session).getTime()) {
    await invalidateSession(db, session.id);
    return null;
  }
  if (user.disabledAt) return null;
  if (now.getTime() - Date.parse(lastUsedAt) >= sessionPolicy.touchIntervalMs) {
    session.lastUsedAt = now.toISOString();
    await db
      .updateTable("sessions")
      .set({ lastUsedAt: session.lastUsedAt })
      .where("id", "=", session.id)
      .execute();
  }
  return { session, user };
}

/** Ends one session (sign-out). */
export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of a user, but one (the caller's own, on password change) if given. */
export async function invalidateUserSessions(
  db: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let query = db.deleteFrom("sessions").where("userId", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  await query.execute();
}
