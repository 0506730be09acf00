/**
 * Organizations as admins change them: creation with tier and add-ons, rename, plan change. Each
 * change and its audit record are written in one transaction.
 */
import {
  assertValidAddOns,
  purchasableAddOns,
  type SupportOptionId,
  supportOptionIds,
  type TierId,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import type { AppDeps } from "../../app-env.ts";
import { newId } from "../../db/ids.ts";
import type { Database, Organization, User } from "../../db/schema.ts";
import { Problem } from "../../problems.ts";
import { parseAddOns } from "../../queries/users.ts";
import { audit, changes } from "./audit.ts";

/** Add-ons without duplicates, in the catalogue's order (equal sets are stored identically). */
function canonicalAddOns(addOns: readonly SupportOptionId[]): SupportOptionId[] {
  return supportOptionIds.filter((id) => addOns.includes(id));
}

export async function createOrganization(
  db: Kysely<Database>,
  actor: User,
  input: { name: string; tier: TierId; addOns?: SupportOptionId[] | undefined },
  now: Date,
): Promise<Organization> {
  const addOns = canonicalAddOns(input.addOns ?? []);
  assertValidAddOns(input.tier, addOns);
  const at = now.toISOString();
  const org: Organization = {
    id: newId(),
    name: input.name,
    tier: input.tier,
    addOns: JSON.stringify(addOns),
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("organizations").values(org).execute();
    const after = { name: org.name, tier: org.tier, addOns };
    await audit(
      trx,
      {
        actor,
        action: "organization.create",
        entityType: "organization",
        entityId: org.id,
        before: null,
        after,
      },
      now,
    );
  });
  return org;
}

/**
 * Renames an organization or changes its plan. Add-ons are checked against the new tier; when the
 * tier changes without new add-ons, those the new tier cannot buy are dropped (and returned). Only
 * the organization changes: its requests keep the tier and due times fixed when they were received.
 */
export async function updateOrganization(
  deps: AppDeps,
  actor: User,
  id: string,
  input: { name?: string | undefined; tier?: TierId | undefined; addOns?: SupportOptionId[] | undefined },
  now: Date,
): Promise<{ droppedAddOns: SupportOptionId[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", id)
      .$if(deps.engine === "postgres", (q) => q.forUpdate())
      .executeTakeFirst();
    if (!org) throw new Problem("not-found");
    const current = parseAddOns(org.addOns);
    const tier = input.tier ?? org.tier;
    let addOns = current;
    let droppedAddOns: SupportOptionId[] = [];
    if (input.addOns) {
      addOns = canonicalAddOns(input.addOns);
      assertValidAddOns(tier, addOns);
    } else if (tier !== org.tier) {
      const allowed = purchasableAddOns(tier);
      addOns = current.filter((a) => allowed.includes(a));
      droppedAddOns = current.filter((a) => !allowed.includes(a));
    }
    const diff = changes(
      { name: org.name, tier: org.tier, addOns: current },
      { name: input.name ?? org.name, tier, addOns },
    );
    if (diff) {
      await trx
        .updateTable("organizations")
        .set({
          name: input.name ?? org.name,
          tier,
          addOns: JSON.stringify(addOns),
          updatedAt: now.toISOString(),
        })
        .where("id", "=", id)
        .execute();
      await audit(
        trx,
        { actor, action: "organization.update", entityType: "organization", entityId: id, ...diff },
        now,
      );
    }
    return { droppedAddOns };
  });
}
