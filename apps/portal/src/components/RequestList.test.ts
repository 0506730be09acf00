// RequestList: each row's reference, subject, status, last update and the expected-answer line (Paris time).
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import RequestList from "./RequestList.astro";

const base = {
  id: "r1",
  reference: "CS-000042",
  subject: "Export <script>",
  category: "bug",
  criticality: null,
  tier: "paying",
  status: "new",
  channel: "portal",
  receivedAt: "2026-11-26T09:00:00.000Z",
  updatedAt: "2026-11-26T09:00:00.000Z",
  statusChangedAt: "2026-11-26T09:00:00.000Z",
  firstResponseDueAt: "2026-11-30T09:00:00.000Z",
  firstRespondedAt: null,
  openedBy: { id: "u1", name: "Marc Martin" },
  assigneeId: null,
  sla: {
    phase: "first-response",
    dueAt: "2026-11-30T09:00:00.000Z",
    remainingBusinessMillis: 1,
    breached: false,
    firstResponse: "pending",
  },
};

describe("RequestList", () => {
  it("says by when an answer is expected, in Paris time, while the first response is awaited", async () => {
    const html = await render(RequestList, { items: [base], label: "Demandes" });
    const text = textOf(html);
    expect(text).toContain("CS-000042");
    expect(text).toContain("Export <script>");
    expect(html).not.toContain("<script>");
    expect(text).toContain("Nouvelle");
    expect(text).toContain("Ouverte par Marc Martin");
    expect(text).toContain("Réponse attendue d’ici le lundi 30 novembre 2026 à 10:00 (heure de Paris)");
    expect(html).toContain('href="/requests/CS-000042"');
  });

  it("says when the answer is late, and nothing while support waits on the customer", async () => {
    const late = { ...base, sla: { ...base.sla, breached: true } };
    expect(textOf(await render(RequestList, { items: [late], label: "x" }))).toContain(
      "Réponse attendue depuis le lundi 30 novembre 2026",
    );
    const paused = {
      ...base,
      status: "waiting-on-customer",
      sla: { ...base.sla, phase: "paused", dueAt: null },
    };
    const text = textOf(await render(RequestList, { items: [paused], label: "x" }));
    expect(text).not.toContain("Réponse attendue");
    expect(text).toContain("En attente de votre réponse");
  });

  it("speaks English for English readers", async () => {
    const text = textOf(await render(RequestList, { items: [base], label: "Requests" }, "en"));
    expect(text).toContain("Answer expected by Monday, 30 November 2026, 10:00 (Paris time)");
    expect(text).toContain("Opened by Marc Martin");
  });
});
