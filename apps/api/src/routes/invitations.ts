/** Accepting an invitation: the invitee sees who invited them where, then sets a password (one-time link). */
import { locales, roleIds } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../access.ts";
import { hashPassword } from "../auth/passwords.ts";
import { createSession, sessionExpiresAt } from "../auth/sessions.ts";
import { hashToken } from "../auth/tokens.ts";
import { newId } from "../db/ids.ts";
import type { Db } from "../db/schema.ts";
import { Problem } from "../problems.ts";
import { findOrganization, presentUser } from "../queries/users.ts";
import { createRouter } from "../router.ts";
import { json, jsonBody, problems, text } from "./schemas.ts";
import { NewPasswordSchema, SessionSchema } from "./user-schemas.ts";

const TokenParam = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "token", in: "path" } }),
});

const getInvitation = defineRoute("public", {
  method: "get",
  path: "/v1/invitations/{token}",
  tags: ["Auth"],
  summary: "What an invitation link is for (before setting a password)",
  request: { params: TokenParam },
  responses: {
    200: json(
      z.object({
        email: z.string(),
        name: z.string(),
        role: z.enum(roleIds),
        locale: z.enum(locales),
        organizationName: z.string().nullable(),
        expiresAt: z.string(),
      }),
      "A valid invitation",
    ),
    ...problems(400, 422),
  },
});

const acceptInvitation = defineRoute("public", {
  method: "post",
  path: "/v1/invitations/{token}/accept",
  tags: ["Auth"],
  summary: "Accept an invitation: create the account, set its password, sign in",
  request: {
    params: TokenParam,
    body: jsonBody(
      z
        .strictObject({ password: NewPasswordSchema, name: text(1, 120).optional() })
        .openapi("AcceptInvitation"),
    ),
  },
  responses: { 201: json(SessionSchema, "Account created and signed in"), ...problems(400, 409, 413, 422) },
});

/** The invitation behind a link's token, if it can still be accepted; otherwise an `invalid-token` problem. */
async function findUsableInvitation(db: Db, token: string, now: Date) {
  const invitation = await db
    .selectFrom("invitations")
    .selectAll()
    .where("tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    Date.parse(invitation.expiresAt) <= now.getTime()
  ) {
    throw new Problem("invalid-token");
  }
  return invitation;
}

export function invitationRoutes() {
  return createRouter()
    .openapi(getInvitation, async (c) => {
      const { db, clock } = c.get("deps");
      const invitation = await findUsableInvitation(db, c.req.valid("param").token, clock());
      const org = await findOrganization(db, invitation.organizationId);
      return c.json(
        {
          email: invitation.email,
          name: invitation.name,
          role: invitation.role,
          locale: invitation.locale,
          organizationName: org?.name ?? null,
          expiresAt: invitation.expiresAt,
        },
        200,
      );
    })
    .openapi(acceptInvitation, async (c) => {
      const { db, clock } = c.get("deps");
      const { token } = c.req.valid("param");
      const { password, name } = c.req.valid("json");
      const passwordHash = await hashPassword(password); // before the transaction, never inside
      const now = clock();
      const userId = await db.transaction().execute(async (trx) => {
        const invitation = await findUsableInvitation(trx, token, now);
        const taken = await trx
          .selectFrom("users")
          .select("id")
          .where("emailNormalized", "=", invitation.emailNormalized)
          .executeTakeFirst();
        if (taken) throw new Problem("email-taken");
        const claimed = await trx
          .updateTable("invitations")
          .set({ acceptedAt: now.toISOString() })
          .where("id", "=", invitation.id)
          .where("acceptedAt", "is", null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new Problem("invalid-token");
        const id = newId();
        await trx
          .insertInto("users")
          .values({
            id,
            organizationId: invitation.organizationId,
            email: invitation.email,
            emailNormalized: invitation.emailNormalized,
            name: name ?? invitation.name,
            role: invitation.role,
            locale: invitation.locale,
            passwordHash,
            disabledAt: null,
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          })
          .execute();
        return id;
      });
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      const { token: sessionToken, session } = await createSession(
        db,
        user.id,
        now,
        c.req.header("user-agent") ?? null,
      );
      c.header("cache-control", "no-store");
      const org = await findOrganization(db, user.organizationId);
      return c.json(
        {
          token: sessionToken,
          expiresAt: sessionExpiresAt(session).toISOString(),
          user: presentUser(user, org),
        },
        201,
      );
    });
}
