// QuoteCard: amounts excl. VAT, effort, validity, and what a customer can do per status (an expired quote says so).
import { formatEuroCents } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import QuoteCard from "./QuoteCard.astro";

const quote = {
  id: "q1",
  status: "proposed",
  amountCents: 480_000,
  effortDays: 2.5,
  validUntil: "2026-12-31",
  terms: "Développement <b>et</b> tests.",
  proposedAt: "2026-11-26T09:00:00.000Z",
  decidedAt: null,
};

describe("QuoteCard", () => {
  it("shows a proposal with its amount excl. VAT, effort, validity, and the two decisions", async () => {
    const html = await render(QuoteCard, { quote, reference: "CS-000007" });
    const text = textOf(html);
    expect(text).toContain(formatEuroCents(480_000, "fr").replace(/\s+/g, " "));
    expect(text).toContain("2,5 jours");
    expect(text).toContain("jeudi 31 décembre 2026");
    expect(text).toContain("Proposé");
    expect(html).toContain('href="/requests/CS-000007/quotes/q1?decision=accept"');
    expect(html).toContain('href="/requests/CS-000007/quotes/q1?decision=decline"');
    // Terms are people's text: shown, never interpreted.
    expect(html).toContain("&lt;b&gt;et&lt;/b&gt;");
  });

  it("shows an expired quote as such, without decisions", async () => {
    const html = await render(QuoteCard, { quote: { ...quote, status: "expired" }, reference: "CS-000007" });
    const text = textOf(html);
    expect(text).toContain("Expiré");
    expect(text).toContain("Ce devis a expiré le jeudi 31 décembre 2026");
    expect(html).not.toContain("decision=accept");
  });

  it("shows a decided quote with its decision time, in English too", async () => {
    const html = await render(
      QuoteCard,
      {
        quote: { ...quote, status: "accepted", decidedAt: "2026-11-27T10:30:00.000Z" },
        reference: "CS-000007",
      },
      "en",
    );
    const text = textOf(html);
    expect(text).toContain("Accepted");
    expect(text).toContain("€4,800.00 excl. VAT");
    expect(text).toContain("Decision Friday, 27 November 2026, 11:30 (Paris time)");
    expect(html).not.toContain("decision=");
  });
});
