/**
 * Sign-in, sign-out, password reset and invitation acceptance. Sign-in errors never reveal
 * whether an e-mail exists (OWASP; customer e-mails identify companies).
 */
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "../auth/passwords.ts";
import { bucketPolicies, consumeToken } from "../auth/rate-limit.ts";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  sessionExpiresAt,
} from "../auth/sessions.ts";
import { hashToken, newOneTimeToken } from "../auth/tokens.ts";
import { newId } from "../db/ids.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { passwordResetMail } from "../mail/templates.ts";
import { clientIp } from "../middleware/client-ip.ts";
import { Problem } from "../problems.ts";
import { findOrganization, findUserByEmail, normalizeEmail, presentUser } from "../queries/users.ts";
import { createRouter } from "../router.ts";
import { json, jsonBody, problems } from "./schemas.ts";
import { EmailSchema, NewPasswordSchema, SessionSchema } from "./user-schemas.ts";

const RESET_TTL_MS = 3_600_000;

const login = defineRoute("public", {
  method: "post",
  path: "/v1/auth/login",
  tags: ["Auth"],
  summary: "Sign in with e-mail and password",
  request: {
    body: jsonBody(
      z
        .strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
        .openapi("LoginInput"),
    ),
  },
  responses: { 200: json(SessionSchema, "Signed in"), ...problems(400, 401, 413, 422, 429) },
});

const logout = defineRoute("authenticated", {
  method: "post",
  path: "/v1/auth/logout",
  tags: ["Auth"],
  summary: "Sign out (ends this session)",
  responses: { 204: { description: "Signed out" }, ...problems(401) },
});

const requestReset = defineRoute("public", {
  method: "post",
  path: "/v1/auth/password-reset",
  tags: ["Auth"],
  summary: "E-mail a password-reset link (always answers 202)",
  request: { body: jsonBody(z.strictObject({ email: EmailSchema }).openapi("PasswordResetInput")) },
  responses: {
    202: { description: "If the account exists, a link was sent" },
    ...problems(400, 413, 422, 429),
  },
});

const confirmReset = defineRoute("public", {
  method: "post",
  path: "/v1/auth/password-reset/confirm",
  tags: ["Auth"],
  summary: "Set a new password with a reset link's token (ends every session)",
  request: {
    body: jsonBody(
      z
        .strictObject({ token: z.string().min(1).max(200), password: NewPasswordSchema })
        .openapi("PasswordResetConfirm"),
    ),
  },
  responses: { 204: { description: "Password changed" }, ...problems(400, 413, 422) },
});

function rateLimited(retryAfterSeconds: number): Problem {
  return new Problem("rate-limited", {
    headers: { "retry-after": String(retryAfterSeconds) },
    extra: { retryAfterSeconds },
  });
}

export function authRoutes() {
  return createRouter()
    .openapi(login, async (c) => {
      const { db, clock } = c.get("deps");
      const { email, password } = c.req.valid("json");
      const now = clock();
      // Both buckets are consumed whether or not the account exists: no enumeration by timing or limits.
      const byIp = await consumeToken(db, `login:ip:${clientIp(c)}`, bucketPolicies.loginIp, now);
      if (!byIp.allowed) throw rateLimited(byIp.retryAfterSeconds);
      const byAccount = await consumeToken(
        db,
        `login:account:${normalizeEmail(email)}`,
        bucketPolicies.loginAccount,
        now,
      );
      if (!byAccount.allowed) throw rateLimited(byAccount.retryAfterSeconds);

      const user = await findUserByEmail(db, email);
      const ok =
        user?.passwordHash && !user.disabledAt
          ? await verifyPassword(user.passwordHash, password)
          : await verifyAgainstDummy(password);
      if (!user || !ok) throw new Problem("invalid-credentials");
      const { token, session } = await createSession(
        db,
        user.id,
        clock(),
        c.req.header("user-agent") ?? null,
      );
      c.header("cache-control", "no-store");
      const org = await findOrganization(db, user.organizationId);
      return c.json(
        { token, expiresAt: sessionExpiresAt(session).toISOString(), user: presentUser(user, org) },
        200,
      );
    })
    .openapi(logout, async (c) => {
      const { session } = authOf(c);
      await invalidateSession(c.get("deps").db, session.id);
      c.header("cache-control", "no-store");
      return c.body(null, 204);
    })
    .openapi(requestReset, async (c) => {
      const { db, clock, config } = c.get("deps");
      const { email } = c.req.valid("json");
      const now = clock();
      const byIp = await consumeToken(db, `reset:ip:${clientIp(c)}`, bucketPolicies.loginIp, now);
      if (!byIp.allowed) throw rateLimited(byIp.retryAfterSeconds);
      const byAccount = await consumeToken(
        db,
        `reset:account:${normalizeEmail(email)}`,
        bucketPolicies.resetAccount,
        now,
      );
      const user = byAccount.allowed ? await findUserByEmail(db, email) : undefined;
      if (user && !user.disabledAt) {
        const { token, tokenHash } = newOneTimeToken();
        const link = `${config.portalUrl}/reset-password?token=${token}`;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto("passwordResets")
            .values({
              id: newId(),
              tokenHash,
              userId: user.id,
              createdAt: now.toISOString(),
              expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
              usedAt: null,
            })
            .execute();
          await enqueueMail(
            trx,
            {
              kind: "password-reset",
              to: user.email,
              locale: user.locale,
              ...passwordResetMail(user.locale, { name: user.name, link }),
            },
            now,
          );
        });
      }
      return c.body(null, 202);
    })
    .openapi(confirmReset, async (c) => {
      const { db, clock } = c.get("deps");
      const { token, password } = c.req.valid("json");
      const now = clock();
      const passwordHash = await hashPassword(password); // slow work before, never inside, the transaction
      const changed = await db.transaction().execute(async (trx) => {
        const reset = await trx
          .selectFrom("passwordResets")
          .selectAll()
          .where("tokenHash", "=", hashToken(token))
          .executeTakeFirst();
        if (!reset || reset.usedAt || Date.parse(reset.expiresAt) <= now.getTime()) return false;
        const used = await trx
          .updateTable("passwordResets")
          .set({ usedAt: now.toISOString() })
          .where("id", "=", reset.id)
          .where("usedAt", "is", null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) return false;
        await trx
          .updateTable("users")
          .set({ passwordHash, updatedAt: now.toISOString() })
          .where("id", "=", reset.userId)
          .execute();
        await invalidateUserSessions(trx, reset.userId);
        return true;
      });
      if (!changed) throw new Problem("invalid-token");
      return c.body(null, 204);
    });
}
