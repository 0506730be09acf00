/**
 * Token buckets kept in the database, so limits hold across restarts and API instances. Updates
 * are optimistic (compare-and-set on the row's previous state), which works the same on SQLite
 * and PostgreSQL without row locks. Accounts are slowed down, never locked outright.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface BucketPolicy {
  /** Tokens when full (the burst). */
  readonly capacity: number;
  /** Milliseconds to regain one token. */
  readonly refillEveryMs: number;
}

export const bucketPolicies = {
  /** Per account (normalized e-mail, known or not): 5 tries, then one a minute. */
  loginAccount: { capacity: 5, refillEveryMs: 60_000 },
  /** Per client IP: looser, for offices behind one address. */
  loginIp: { capacity: 30, refillEveryMs: 6_000 },
  /** Password-reset e-mails per account. */
  resetAccount: { capacity: 3, refillEveryMs: 20 * 60_000 },
  /** Help-center feedback per IP. */
  feedbackIp: { capacity: 20, refillEveryMs: 30_000 },
} as const satisfies Record<string, BucketPolicy>;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one token from a bucket; when empty, says how long until the next one.
 * @example const r = await consumeToken(db, "login:ip:127.0.0.1", bucketPolicies.loginIp, new Date())
 */
export async function consumeToken(
  db: Kysely<Database>,
  key: string,
  policy: BucketPolicy,
  now: Date,
): Promise<RateLimitResult> {
  const nowIso = now.toISOString();
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await db.selectFrom("rateLimits").selectAll().where("key", "=", key).executeTakeFirst();
    if (!row) {
      const inserted = await db
        .insertInto("rateLimits")
        .values({ key, tokens: policy.capacity - 1, updatedAt: nowIso })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { allowed: true };
      continue;
    }
    const elapsed = Math.max(0, now.getTime() - Date.parse(row.updatedAt));
    const available = Math.min(policy.capacity, row.tokens + elapsed / policy.refillEveryMs);
    if (available < 1) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(((1 - available) * policy.refillEveryMs) / 1000)),
      };
    }
    const updated = await db
      .updateTable("rateLimits")
      .set({ tokens: available - 1, updatedAt: nowIso })
      .where("key", "=", key)
      .where("tokens", "=", row.tokens)
      .where("updatedAt", "=", row.updatedAt)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { allowed: true };
  }
  // Heavy contention on one key is itself a sign of abuse: refuse rather than spin.
  return { allowed: false, retryAfterSeconds: 1 };
}
