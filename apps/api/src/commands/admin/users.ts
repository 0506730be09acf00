/**
 * Users as admins change them: name, language, staff role (agent ⇄ admin), disable/enable. Never
 * leaves the system without an enabled admin. Each change and its audit record are written in one
 * transaction.
 */
import { isStaff, type Locale, localize, type RoleId } from "@cirrus/domain";
import type { AppDeps } from "../../app-env.ts";
import { invalidateUserSessions } from "../../auth/sessions.ts";
import type { Db, User } from "../../db/schema.ts";
import { conflict } from "../../problems.ts";
import { findUser } from "../../queries/admin.ts";
import { failValidation } from "../../validation.ts";
import { audit, changes } from "./audit.ts";

/**
 * Keeps at least one enabled admin: before taking `targetId`'s admin rights away, checks that
 * another enabled admin remains. On PostgreSQL the admin rows are locked so that two admins
 * removing each other at the same moment cannot both succeed (SQLite serializes writers).
 */
async function assertAnotherAdminRemains(trx: Db, deps: AppDeps, targetId: string, locale: Locale) {
  const admins = await trx
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .where("disabledAt", "is", null)
    .$if(deps.engine === "postgres", (q) => q.forUpdate())
    .execute();
  if (!admins.some((a) => a.id !== targetId)) {
    throw conflict(locale, {
      fr: "Il doit toujours rester au moins un administrateur actif.",
      en: "There must always be at least one active administrator.",
    });
  }
}

/**
 * Changes a user's name, language or role. Roles change only between agent and admin (a customer
 * belongs to an organization, staff to none); an admin cannot demote themselves.
 */
export async function updateUser(
  deps: AppDeps,
  actor: User,
  id: string,
  input: { role?: RoleId | undefined; name?: string | undefined; locale?: Locale | undefined },
  now: Date,
  locale: Locale,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id);
    const role = input.role ?? user.role;
    if (role !== user.role) {
      if (!isStaff(user.role) || !isStaff(role)) {
        failValidation([
          {
            field: "role",
            code: "role-change-not-allowed",
            message: localize(
              {
                fr: "Seul un membre du support peut changer de rôle, entre agent et administrateur.",
                en: "Only staff can change role, between agent and administrator.",
              },
              locale,
            ),
          },
        ]);
      }
      if (user.role === "admin") {
        if (user.id === actor.id) {
          throw conflict(locale, {
            fr: "Vous ne pouvez pas retirer vos propres droits d’administrateur.",
            en: "You cannot remove your own administrator rights.",
          });
        }
        await assertAnotherAdminRemains(trx, deps, user.id, locale);
      }
    }
    const after = { role, name: input.name ?? user.name, locale: input.locale ?? user.locale };
    const diff = changes({ role: user.role, name: user.name, locale: user.locale }, after);
    if (!diff) return;
    await trx
      .updateTable("users")
      .set({ ...after, updatedAt: now.toISOString() })
      .where("id", "=", id)
      .execute();
    await audit(trx, { actor, action: "user.update", entityType: "user", entityId: id, ...diff }, now);
  });
}

/**
 * Disables a user (ending all their sessions) or enables them again. Idempotent: disabling twice
 * keeps the first time. An admin cannot disable themselves.
 */
export async function setUserDisabled(
  deps: AppDeps,
  actor: User,
  id: string,
  disabled: boolean,
  now: Date,
  locale: Locale,
): Promise<void> {
  if (disabled && id === actor.id) {
    throw conflict(locale, {
      fr: "Vous ne pouvez pas désactiver votre propre compte.",
      en: "You cannot disable your own account.",
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id);
    if (disabled) {
      if (!user.disabledAt) {
        if (user.role === "admin") await assertAnotherAdminRemains(trx, deps, user.id, locale);
        await trx
          .updateTable("users")
          .set({ disabledAt: now.toISOString(), updatedAt: now.toISOString() })
          .where("id", "=", id)
          .execute();
        const change = { before: { disabledAt: null }, after: { disabledAt: now.toISOString() } };
        await audit(trx, { actor, action: "user.disable", entityType: "user", entityId: id, ...change }, now);
      }
      // Also when already disabled: a disabled account keeps no session.
      await invalidateUserSessions(trx, id);
    } else if (user.disabledAt) {
      await trx
        .updateTable("users")
        .set({ disabledAt: null, updatedAt: now.toISOString() })
        .where("id", "=", id)
        .execute();
      const change = { before: { disabledAt: user.disabledAt }, after: { disabledAt: null } };
      await audit(trx, { actor, action: "user.enable", entityType: "user", entityId: id, ...change }, now);
    }
  });
}
