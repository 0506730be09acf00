/** The signed-in user: profile, language, password change, active sessions. */
import { locales } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import { invalidateSession, invalidateUserSessions, sessionExpiresAt } from "../auth/sessions.ts";
import { Problem } from "../problems.ts";
import { findOrganization, presentUser } from "../queries/users.ts";
import { createRouter } from "../router.ts";
import { IdParamSchema, json, jsonBody, problems, text } from "./schemas.ts";
import { NewPasswordSchema, UserSchema } from "./user-schemas.ts";

const getMe = defineRoute("authenticated", {
  method: "get",
  path: "/v1/me",
  tags: ["Me"],
  summary: "The signed-in user, with their organization's plan and entitlements",
  responses: { 200: json(UserSchema, "The user"), ...problems(401) },
});

const patchMe = defineRoute("authenticated", {
  method: "patch",
  path: "/v1/me",
  tags: ["Me"],
  summary: "Change name or language",
  request: {
    body: jsonBody(
      z
        .strictObject({ name: text(1, 120).optional(), locale: z.enum(locales).optional() })
        .openapi("UpdateMe"),
    ),
  },
  responses: { 200: json(UserSchema, "Updated"), ...problems(400, 401, 413, 422) },
});

const changePassword = defineRoute("authenticated", {
  method: "post",
  path: "/v1/me/password",
  tags: ["Me"],
  summary: "Change password (ends every other session)",
  request: {
    body: jsonBody(
      z
        .strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: NewPasswordSchema })
        .openapi("ChangePassword"),
    ),
  },
  responses: { 204: { description: "Changed" }, ...problems(400, 401, 413, 422) },
});

const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

const listSessions = defineRoute("authenticated", {
  method: "get",
  path: "/v1/me/sessions",
  tags: ["Me"],
  summary: "Active sessions of the signed-in user",
  responses: { 200: json(z.object({ items: z.array(SessionInfo) }), "Sessions"), ...problems(401) },
});

const revokeSession = defineRoute("authenticated", {
  method: "delete",
  path: "/v1/me/sessions/{id}",
  tags: ["Me"],
  summary: "Sign out one of my sessions",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Ended" }, ...problems(401, 404, 422) },
});

export function meRoutes() {
  return createRouter()
    .openapi(getMe, async (c) => {
      const { user } = authOf(c);
      const org = await findOrganization(c.get("deps").db, user.organizationId);
      return c.json(presentUser(user, org), 200);
    })
    .openapi(patchMe, async (c) => {
      const { db, clock } = c.get("deps");
      const { user } = authOf(c);
      const changes = c.req.valid("json");
      const updated = { ...user, ...changes, updatedAt: clock().toISOString() };
      await db
        .updateTable("users")
        .set({ name: updated.name, locale: updated.locale, updatedAt: updated.updatedAt })
        .where("id", "=", user.id)
        .execute();
      return c.json(presentUser(updated, await findOrganization(db, user.organizationId)), 200);
    })
    .openapi(changePassword, async (c) => {
      const { db, clock } = c.get("deps");
      const { user, session } = authOf(c);
      const { currentPassword, newPassword } = c.req.valid("json");
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new Problem("validation-failed", {
          extra: {
            errors: [
              {
                field: "currentPassword",
                code: "incorrect",
                message:
                  c.get("locale") === "en"
                    ? "The current password is incorrect."
                    : "Le mot de passe actuel est incorrect.",
              },
            ],
          },
        });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ passwordHash, updatedAt: clock().toISOString() })
          .where("id", "=", user.id)
          .execute();
        await invalidateUserSessions(trx, user.id, session.id);
      });
      return c.body(null, 204);
    })
    .openapi(listSessions, async (c) => {
      const { user, session: current } = authOf(c);
      const rows = await c
        .get("deps")
        .db.selectFrom("sessions")
        .selectAll()
        .where("userId", "=", user.id)
        .orderBy("lastUsedAt", "desc")
        .execute();
      const now = c.get("deps").clock().getTime();
      return c.json(
        {
          items: rows
            .filter((s) => sessionExpiresAt(s).getTime() > now)
            .map((s) => ({
              id: s.id,
              createdAt: s.createdAt,
              lastUsedAt: s.lastUsedAt,
              expiresAt: sessionExpiresAt(s).toISOString(),
              userAgent: s.userAgent,
              current: s.id === current.id,
            })),
        },
        200,
      );
    })
    .openapi(revokeSession, async (c) => {
      const { db } = c.get("deps");
      const { user } = authOf(c);
      const { id } = c.req.valid("param");
      const owned = await db
        .selectFrom("sessions")
        .select("id")
        .where("id", "=", id)
        .where("userId", "=", user.id)
        .executeTakeFirst();
      if (!owned) throw new Problem("not-found");
      await invalidateSession(db, id);
      return c.body(null, 204);
    });
}
