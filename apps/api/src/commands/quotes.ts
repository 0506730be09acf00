/**
 * Custom-development quotes: staff propose (superseding any open proposal), withdraw; the customer
 * accepts or declines. A sent proposal never changes; decisions record who and when.
 */
import {
  assertQuoteTransition,
  formatEuroCents,
  type Locale,
  localDateOf,
  type QuoteFieldError,
  type QuoteProposal,
  type QuoteStatusId,
  quoteLimits,
  validateQuoteProposal,
} from "@cirrus/domain";
import type { Kysely } from "kysely";
import { newId } from "../db/ids.ts";
import type { Database, Quote, SupportRequest, User } from "../db/schema.ts";
import { type MailLinks, notifyQuoteProposed } from "../mail/notifications.ts";
import { Problem } from "../problems.ts";
import { type HistoryEvent, recordEvent } from "./request-events.ts";

/**
 * What the agent's form shows next to a field the domain rejected, in the caller's language.
 * @example quoteFieldMessage({ field: "amountCents", code: "not-integer" }, "en", now)
 */
export function quoteFieldMessage(error: QuoteFieldError, locale: Locale, now: Date): string {
  const fr = locale === "fr";
  switch (`${error.field}:${error.code}`) {
    case "amountCents:not-integer":
      return fr
        ? "Le montant doit être un nombre entier de centimes d’euro (par exemple 150000 pour 1 500,00 €)."
        : "The amount must be a whole number of euro cents (for example 150000 for €1,500.00).";
    case "amountCents:out-of-range":
      return fr
        ? `Le montant doit être supérieur à zéro et d’au plus ${formatEuroCents(quoteLimits.maxAmountCents, locale)}.`
        : `The amount must be more than zero and at most ${formatEuroCents(quoteLimits.maxAmountCents, locale)}.`;
    case "effortDays:out-of-range":
      return fr
        ? `L’effort estimé se compte en demi-journées (0,5 ; 1 ; 1,5…), de 0,5 à ${quoteLimits.maxEffortDays} jours.`
        : `The estimated effort is counted in half days (0.5, 1, 1.5…), from 0.5 to ${quoteLimits.maxEffortDays} days.`;
    case "validUntil:invalid-date":
      return fr
        ? "Date invalide : utilisez le format AAAA-MM-JJ (par exemple 2026-12-31)."
        : "Invalid date: use the format YYYY-MM-DD (for example 2026-12-31).";
    case "validUntil:in-the-past":
      return fr
        ? `La date de validité ne peut pas être passée (au plus tôt aujourd’hui, ${localDateOf(now)}).`
        : `The valid-until date cannot be in the past (today, ${localDateOf(now)}, at the earliest).`;
    case "validUntil:out-of-range": {
      const latest = localDateOf(new Date(now.getTime() + quoteLimits.maxValidityDays * 86_400_000));
      return fr
        ? `Un devis est valable au plus ${quoteLimits.maxValidityDays} jours (jusqu’au ${latest}).`
        : `A quote is valid for at most ${quoteLimits.maxValidityDays} days (until ${latest}).`;
    }
    case "terms:required":
      return fr ? "Les conditions du devis sont obligatoires." : "The terms of the quote are required.";
    case "terms:too-long":
      return fr
        ? `Les conditions font au plus ${quoteLimits.maxTermsLength} caractères.`
        : `The terms are at most ${quoteLimits.maxTermsLength} characters long.`;
    default:
      return fr ? "Valeur invalide." : "Invalid value.";
  }
}

/** A quote's step in its request's history: proposed, accepted, declined, withdrawn. */
function quoteEvent(actor: User, to: QuoteStatusId): HistoryEvent {
  return { actorId: actor.id, kind: "quote", from: null, to, reason: null };
}

/**
 * Sends a proposal on a custom-development request (and mails it to the request's participants);
 * an open one is superseded. Field errors and the "not a custom-development request" detail come
 * in `locale` (French by default).
 */
export async function proposeQuote(
  db: Kysely<Database>,
  request: SupportRequest,
  agent: User,
  proposal: QuoteProposal,
  now: Date,
  links: MailLinks,
  locale: Locale = "fr",
): Promise<Quote> {
  if (request.category !== "custom-development") {
    throw new Problem("conflict", {
      detail:
        locale === "fr"
          ? "Les devis ne concernent que les demandes de développement spécifique."
          : "Quotes are for custom-development requests only.",
    });
  }
  if (request.status === "closed") throw new Problem("illegal-transition");
  const errors = validateQuoteProposal(proposal, now);
  if (errors.length > 0) {
    throw new Problem("validation-failed", {
      extra: {
        errors: errors.map((e) => ({
          field: e.field,
          code: e.code,
          message: quoteFieldMessage(e, locale, now),
        })),
      },
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
    await recordEvent(trx, request.id, quoteEvent(agent, "proposed"), at);
    await notifyQuoteProposed(trx, request, quote, links, now);
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
    await recordEvent(trx, request.id, quoteEvent(actor, to), at);
    return { ...quote, status: to, decidedBy: actor.id, decidedAt: at };
  });
}
