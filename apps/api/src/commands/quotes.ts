/**
 * Custom-development quotes: staff propose (superseding any open proposal), withdraw; the customer
 * accepts or declines. A sent proposal never changes; decisions record who and when.
 */
import { assertQuoteTransition, type QuoteProposal, type QuoteStatusId, validateQuoteProposal } from "@cirrus/domain";
import type { Kysely } from "kysely";
import { newId } from "../db/ids.ts";
import type { Database, Quote, SupportRequest, User } from "../db/schema.ts";
import { Problem } from "../problems.ts";

async function recordQuoteEvent(db: Kysely<Database>, requestId: string, actorId: string, to: string, at: string) {
  await db
    .insertInto("requestEvents")
    .values({ id: newId(), requestId, actorId, kind: "quote", fromValue: null, toValue: to, reason: null, createdAt: at })
    .execute();
}

/** Sends a proposal on a custom-development request; an open one is superseded. */
export async function proposeQuote(
  db: Kysely<Database>,
  request: SupportRequest,
  agent: User,
  proposal: QuoteProposal,
  now: Date,
): Promise<Quote> {
  if (request.category !== "custom-development") {
    throw new Problem("conflict", { detail: "Quotes are for custom-development requests only." });
  }
  if (request.status === "closed") throw new Problem("illegal-transition");
  const errors = validateQuoteProposal(proposal, now);
  if (errors.length > 0) {
    throw new Problem("validation-failed", {
      extra: { errors: errors.map((e) => ({ field: e.field, code: e.code, message: e.code })) },
    });
  }
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("quotes")
      .set({ status: "superseded", decidedAt: at, decidedBy: agent.id })
      .where("requestId", "=", request.id)
      .where("status", "=", "proposed")
      .execute();
    const quote: Quote = {
      id: newId(),
      requestId: request.id,
      status: "proposed",
      amountCents: proposal.amountCents,
      effortDays: proposal.effortDays,
      validUntil: proposal.validUntil,
      terms: proposal.terms,
      proposedBy: agent.id,
      proposedAt: at,
      decidedBy: null,
      decidedAt: null,
    };
    await trx.insertInto("quotes").values(quote).execute();
    await trx.updateTable("requests").set({ updatedAt: at }).where("id", "=", request.id).execute();
    await recordQuoteEvent(trx, request.id, agent.id, "proposed", at);
    return quote;
  });
}

/** Accept / decline (customer) or withdraw (staff) the quote `quoteId` of a request. */
export async function decideQuote(
  db: Kysely<Database>,
  request: SupportRequest,
  quoteId: string,
  actor: User,
  to: Extract<QuoteStatusId, "accepted" | "declined" | "withdrawn">,
  now: Date,
): Promise<Quote> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const quote = await trx
      .selectFrom("quotes")
      .selectAll()
      .where("id", "=", quoteId)
      .where("requestId", "=", request.id)
      .executeTakeFirst();
    if (!quote) throw new Problem("not-found");
    assertQuoteTransition(quote, to, actor.role === "customer" ? "customer" : "agent", now);
    const updated = await trx
      .updateTable("quotes")
      .set({ status: to, decidedBy: actor.id, decidedAt: at })
      .where("id", "=", quote.id)
      .where("status", "=", "proposed")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Problem("conflict");
    await trx.updateTable("requests").set({ updatedAt: at }).where("id", "=", request.id).execute();
    await recordQuoteEvent(trx, request.id, actor.id, to, at);
    return { ...quote, status: to, decidedBy: actor.id, decidedAt: at };
  });
}
