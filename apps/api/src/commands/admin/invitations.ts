/**
 * Invitations as admins send them — the only way accounts are created: invite (replacing a pending
 * invitation for the same address), resend with a new link, revoke. Only the token's hash is
 * stored; the e-mail goes through the outbox in the same transaction.
 */
import { isStaff, type Locale, type Localized, localize, type RoleId } from "@cirrus/domain";
import type { AppDeps } from "../../app-env.ts";
import { newOneTimeToken } from "../../auth/tokens.ts";
import { newId } from "../../db/ids.ts";
import type { Db, User } from "../../db/schema.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { invitationMail } from "../../mail/templates.ts";
import { conflict, Problem } from "../../problems.ts";
import { normalizeEmail } from "../../queries/users.ts";
import { failValidation } from "../../validation.ts";
import { audit } from "./audit.ts";

export const invitationTtlDays = 7;
const DAY_MS = 86_400_000;

export interface InvitationInput {
  email: string;
  name: string;
  role: RoleId;
  organizationId?: string | undefined;
  locale: Locale;
}

async function assertEmailFree(db: Db, email: string): Promise<void> {
  const taken = await db
    .selectFrom("users")
    .select("id")
    .where("emailNormalized", "=", normalizeEmail(email))
    .executeTakeFirst();
  if (taken) throw new Problem("email-taken");
}

/** Stores a new invitation (its token's hash only) and queues its e-mail, in the caller's transaction. */
async function issueInvitation(
  trx: Db,
  deps: AppDeps,
  data: Required<Omit<InvitationInput, "organizationId">> & { organizationId: string | null },
  organizationName: string | null,
  invitedBy: User,
  now: Date,
): Promise<{ id: string; expiresAt: string }> {
  const { token, tokenHash } = newOneTimeToken();
  const id = newId();
  const expiresAt = new Date(now.getTime() + invitationTtlDays * DAY_MS).toISOString();
  await trx
    .insertInto("invitations")
    .values({
      id,
      tokenHash,
      email: data.email,
      emailNormalized: normalizeEmail(data.email),
      organizationId: data.organizationId,
      role: data.role,
      name: data.name,
      locale: data.locale,
      invitedBy: invitedBy.id,
      createdAt: now.toISOString(),
      expiresAt,
      acceptedAt: null,
      revokedAt: null,
    })
    .execute();
  const link = `${deps.config.portalUrl}/invitation?token=${token}`;
  const mail = invitationMail(data.locale, {
    name: data.name,
    link,
    organizationName,
    expiresInDays: invitationTtlDays,
  });
  await enqueueMail(trx, { kind: "invitation", to: data.email, locale: data.locale, ...mail }, now);
  return { id, expiresAt };
}

function organizationFieldError(code: string, message: Localized, locale: Locale): never {
  return failValidation([{ field: "organizationId", code, message: localize(message, locale) }]);
}

/**
 * Invites someone: a customer into an organization, or staff (agent, admin) into none — the only
 * way accounts are created. A pending invitation for the same address is revoked and replaced.
 * @returns the new invitation's id
 */
export async function invite(
  deps: AppDeps,
  actor: User,
  input: InvitationInput,
  now: Date,
  locale: Locale,
): Promise<string> {
  const organizationId = input.organizationId ?? null;
  if (input.role === "customer" && !organizationId) {
    organizationFieldError(
      "required",
      {
        fr: "Un client doit appartenir à une organisation.",
        en: "A customer must belong to an organization.",
      },
      locale,
    );
  }
  if (isStaff(input.role) && organizationId) {
    organizationFieldError(
      "not-allowed",
      {
        fr: "Un membre du support n’appartient à aucune organisation cliente.",
        en: "Staff do not belong to a customer organization.",
      },
      locale,
    );
  }
  const data = { ...input, organizationId };
  return deps.db.transaction().execute(async (trx) => {
    const org = organizationId
      ? await trx.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirst()
      : undefined;
    if (organizationId && !org) {
      organizationFieldError(
        "not-found",
        { fr: "Organisation introuvable.", en: "Unknown organization." },
        locale,
      );
    }
    await assertEmailFree(trx, data.email);
    await trx
      .updateTable("invitations")
      .set({ revokedAt: now.toISOString() })
      .where("emailNormalized", "=", normalizeEmail(data.email))
      .where("acceptedAt", "is", null)
      .where("revokedAt", "is", null)
      .execute();
    const issued = await issueInvitation(trx, deps, data, org?.name ?? null, actor, now);
    const after = {
      email: data.email,
      name: data.name,
      role: data.role,
      organizationId,
      locale: data.locale,
      expiresAt: issued.expiresAt,
    };
    await audit(
      trx,
      {
        actor,
        action: "invitation.create",
        entityType: "invitation",
        entityId: issued.id,
        before: null,
        after,
      },
      now,
    );
    return issued.id;
  });
}

const alreadyClosed: Localized = {
  fr: "Cette invitation a déjà été acceptée ou annulée.",
  en: "This invitation has already been accepted or cancelled.",
};

/** Takes a pending (or expired) invitation out of use; false if it was accepted or revoked meanwhile. */
async function revoke(trx: Db, id: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("invitations")
    .set({ revokedAt: now.toISOString() })
    .where("id", "=", id)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sends an invitation again: the old link stops working, a new one (new expiry) is mailed. An
 * expired invitation can be resent; an accepted or revoked one cannot.
 * @returns the new invitation's id
 */
export async function resendInvitation(
  deps: AppDeps,
  actor: User,
  id: string,
  now: Date,
  locale: Locale,
): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom("invitations")
      .leftJoin("organizations", "organizations.id", "invitations.organizationId")
      .selectAll("invitations")
      .select("organizations.name as organizationName")
      .where("invitations.id", "=", id)
      .executeTakeFirst();
    if (!old) throw new Problem("not-found");
    if (old.acceptedAt || old.revokedAt) throw conflict(locale, alreadyClosed);
    await assertEmailFree(trx, old.email);
    if (!(await revoke(trx, old.id, now))) throw conflict(locale, alreadyClosed);
    const { email, name, role, organizationId } = old;
    const data = { email, name, role, organizationId, locale: old.locale };
    const issued = await issueInvitation(trx, deps, data, old.organizationName, actor, now);
    await audit(
      trx,
      {
        actor,
        action: "invitation.resend",
        entityType: "invitation",
        entityId: issued.id,
        before: { id: old.id, expiresAt: old.expiresAt },
        after: { id: issued.id, expiresAt: issued.expiresAt },
      },
      now,
    );
    return issued.id;
  });
}

/** Cancels a pending invitation: its link stops working. */
export async function revokeInvitation(deps: AppDeps, actor: User, id: string, now: Date, locale: Locale) {
  await deps.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!invitation) throw new Problem("not-found");
    if (!(await revoke(trx, id, now))) throw conflict(locale, alreadyClosed);
    const change = { before: { revokedAt: null }, after: { revokedAt: now.toISOString() } };
    await audit(
      trx,
      { actor, action: "invitation.revoke", entityType: "invitation", entityId: id, ...change },
      now,
    );
  });
}
