// AgentConversation and SlaState: internal notes labelled in words; an overdue request said in words, not colour alone.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../../test/render.ts";
import AgentConversation from "./AgentConversation.astro";
import SlaState from "./SlaState.astro";

const author = (id: string, name: string, role: "customer" | "agent") => ({ id, name, role });

describe("AgentConversation", () => {
  it("marks internal notes as never shown to the customer, and escapes what people wrote", async () => {
    const html = await render(AgentConversation, {
      userId: "a1",
      messages: [
        {
          id: "m1",
          visibility: "public",
          body: "Bonjour <script>x</script>",
          createdAt: "2026-11-26T09:00:00.000Z",
          author: author("c1", "Claire Lefèvre", "customer"),
          attachments: [],
        },
        {
          id: "m2",
          visibility: "internal",
          body: "Voir avec l’équipe produit.",
          createdAt: "2026-11-26T10:00:00.000Z",
          author: author("a1", "Léa Moulin", "agent"),
          attachments: [
            {
              id: "f1",
              name: "analyse.pdf",
              mediaType: "application/pdf",
              size: 2048,
              sha256: "0".repeat(64),
              inline: false,
              createdAt: "2026-11-26T10:00:00.000Z",
            },
          ],
        },
      ],
    });
    expect(html).toContain('data-visibility="internal"');
    expect(html).toContain("message--internal");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="/attachments/f1"');
    const text = textOf(html);
    expect(text).toContain("Claire Lefèvre — client");
    expect(text).toContain(
      "Note interne — invisible pour le client Léa Moulin (vous) — Support Cirrus Shield",
    );
  });
});

describe("SlaState", () => {
  const now = new Date("2026-11-26T09:00:00Z");

  it("says an overdue request is late, with a symbol and the due time", async () => {
    const html = await render(SlaState, {
      now,
      sla: {
        phase: "first-response",
        dueAt: "2026-11-26T07:00:00Z",
        remainingBusinessMillis: -7_200_000,
        breached: true,
      },
    });
    expect(html).toContain('data-tone="breached"');
    expect(textOf(html).replace(/\u00a0/g, " ")).toBe("⚠ En retard de 2 h ouvrées dû aujourd’hui à 08:00");
  });

  it("says how much business time is left", async () => {
    const html = await render(
      SlaState,
      {
        now,
        sla: {
          phase: "reply",
          dueAt: "2026-11-26T16:00:00Z",
          remainingBusinessMillis: 25_200_000,
          breached: false,
        },
      },
      "en",
    );
    expect(html).toContain('data-tone="due-today"');
    expect(textOf(html).replace(/\u00a0/g, " ")).toBe("7 h left (business hours) due today at 17:00");
  });
});
