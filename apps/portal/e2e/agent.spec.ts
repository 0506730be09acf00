/**
 * The agent console in real Chromium: the queue in the domain's priority order with live SLA
 * states, a request worked end to end (reply with the first response recorded and shown to the
 * customer, an internal note the customer never sees, criticality re-classified with a reason,
 * assignment, status), quotes proposed, accepted by the customer and withdrawn, canned replies, the
 * dashboard, and the keyboard.
 */
import { formatEuroCents } from "@cirrus/domain";
import type { Page } from "@playwright/test";
import {
  apiCall,
  apiToken,
  daysFromNow,
  env,
  expect,
  openRequestAs,
  statePath,
  test,
  tokenOf,
} from "./support/test.ts";

test.use({ account: "agent" });

/** The references of the queue's rows, top to bottom. */
async function queueOrder(page: Page): Promise<string[]> {
  return page
    .locator("#queue tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-reference") ?? ""));
}

/** A page signed in as a customer, beside the agent's. */
async function customerPage(browser: import("@playwright/test").Browser, account: "premium" | "paying") {
  const context = await browser.newContext({ storageState: statePath(account), baseURL: env.portalUrl });
  return { context, page: await context.newPage() };
}

test("the queue lists Premium critical requests above older Paying ones, with live SLA states", async ({
  page,
}) => {
  await page.goto("/agent");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("File d’attente");
  // The demo's Premium critical request (received 2 hours before the seed) and its Paying request
  // received 3 days before it.
  const premium = page.locator("#queue tr", { hasText: "Impossible d’accéder au module Facturation" });
  const paying = page.locator("#queue tr", { hasText: "Comment exporter la liste des contacts en CSV" });
  await expect(premium).toContainText("Support Premium");
  await expect(premium).toContainText("Critique");
  await expect(paying).toContainText("Client Payant");
  const order = await queueOrder(page);
  const premiumRef = (await premium.getAttribute("data-reference")) ?? "";
  const payingRef = (await paying.getAttribute("data-reference")) ?? "";
  expect(order.indexOf(premiumRef)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf(premiumRef)).toBeLessThan(order.indexOf(payingRef));
  // Every Premium request comes before every Paying one.
  const tiers = (await page.locator("#queue tbody tr td:nth-child(4)").allTextContents()).map((t) =>
    t.trim(),
  );
  const lastPremium = tiers.lastIndexOf("Support Premium");
  const firstPaying = tiers.indexOf("Client Payant");
  expect(lastPremium).toBeLessThan(firstPaying);

  // SLA state in words: business time left, or overdue — and an overdue row says so in text.
  await expect(premium.locator(".sla__text")).toHaveText(/ouvrées? restantes?|En retard/);
  for (const row of await page.locator('#queue tr[data-sla="breached"]').all()) {
    await expect(row.locator(".sla__text")).toContainText("En retard");
  }
  // Counts per view in the tabs.
  const views = page.getByRole("navigation", { name: "Vues de la file" });
  await expect(views.getByRole("link", { name: /^Toutes \d+$/ })).toHaveAttribute("aria-current", "page");
  await expect(views.getByRole("link", { name: /^Non assignées \d+$/ })).toBeVisible();
});

test("the queue's filters are a shareable URL", async ({ page }) => {
  await page.goto("/agent");
  await page.getByLabel("Offre").selectOption("premium");
  await page.getByLabel("Criticité").selectOption("critical");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/\/agent\?tier=premium&criticality=critical$/);
  const tiers = (await page.locator("#queue tbody tr td:nth-child(4)").allTextContents()).map((t) =>
    t.trim(),
  );
  expect(tiers.length).toBeGreaterThan(0);
  expect(new Set(tiers)).toEqual(new Set(["Support Premium"]));
  await expect(page.locator("#queue tbody tr td:nth-child(5)").first()).toHaveText("Critique");
  // The same URL gives the same view; a tab keeps the filters.
  await page
    .getByRole("navigation", { name: "Vues de la file" })
    .getByRole("link", { name: /^Non assignées/ })
    .click();
  await expect(page).toHaveURL(/\/agent\?view=unassigned&tier=premium&criticality=critical$/);
  await expect(page.getByLabel("Offre")).toHaveValue("premium");
  // A reference typed in the search box opens that request.
  await page.goto("/agent");
  const first = (await queueOrder(page))[0] ?? "";
  await page.getByLabel("Rechercher").fill(first.toLowerCase());
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`/agent/requests/${first}$`));
});

test("j / k move through the queue and Enter opens a request; / goes to the search", async ({ page }) => {
  await page.goto("/agent");
  await expect(page.locator("#queue-keys-hint")).toBeVisible();
  const order = await queueOrder(page);
  await page.locator("body").press("j");
  await expect(page.locator(`#queue tr[data-reference="${order[0]}"] a[data-queue-link]`)).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.locator(`#queue tr[data-reference="${order[1]}"] a[data-queue-link]`)).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.locator(`#queue tr[data-reference="${order[0]}"] a[data-queue-link]`)).toBeFocused();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Rechercher")).toBeFocused();
  // Typing in the search box is typing, not a shortcut.
  await page.keyboard.type("jk");
  await expect(page.getByLabel("Rechercher")).toHaveValue("jk");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agent/requests/${order[0]}$`));
});

test("an agent replies (first response recorded, SLA met for the customer), adds an internal note the customer never sees, and re-classifies criticality with a reason", async ({
  page,
  browser,
}) => {
  const { reference } = await openRequestAs("premium", {
    subject: "Synchronisation du calendrier bloquée",
    category: "bug",
    criticality: "minor",
    body: "Les rendez-vous ne se synchronisent plus avec Outlook depuis ce matin.",
  });
  await page.goto("/agent");
  await page.getByRole("link", { name: "Synchronisation du calendrier bloquée" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/agent/requests/${reference}$`));
  await expect(page.locator("#first-response")).toHaveAttribute("data-first-response", "pending");
  await expect(page.locator("#organization-name")).toHaveText("Transports Lefèvre");
  await expect(page.locator("#organization-plan")).toContainText("Support Premium");
  await expect(page.locator('#entitlements [data-option="priority-support"]')).toContainText("Inclus");

  // Assign to self.
  await page.getByRole("button", { name: "M’assigner la demande" }).click();
  await expect(page.locator("#done")).toHaveText("L’assignation est enregistrée.");
  await expect(page.locator("#assignee")).toContainText("Léa Moulin (vous)");

  // A public reply: the first response.
  await page.getByLabel("Réponse au client", { exact: true }).check();
  await page
    .getByLabel("Message", { exact: true })
    .fill("Bonjour Claire, nous regardons la synchronisation Outlook tout de suite.");
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.locator("#done")).toHaveText("Votre réponse est envoyée au client.");
  await expect(page.locator("#first-response")).toHaveAttribute("data-first-response", "met");
  await expect(page.locator("#first-response")).toContainText("Respectée");
  await expect(page.locator("#request-badges")).toContainText("En cours");

  // An internal note, marked as such.
  await page.getByLabel("Note interne", { exact: true }).check();
  await page
    .getByLabel("Message", { exact: true })
    .fill("Note pour l’équipe : le connecteur Exchange a été mis à jour hier soir.");
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.locator("#done")).toHaveText("La note interne est ajoutée.");
  const note = page.locator('.conversation > li[data-visibility="internal"]').last();
  await expect(note).toContainText("Note interne — invisible pour le client");
  await expect(note).toContainText("le connecteur Exchange a été mis à jour");

  // Criticality: the reason is required, and kept with everything typed when missing.
  await page.locator("#field-criticality").selectOption("major");
  await page.locator("#field-criticalityReason").fill("   ");
  await page.getByRole("button", { name: "Reclasser" }).click();
  await expect(page.locator("#error-summary")).toContainText("Indiquez le motif");
  await expect(page.locator("#field-criticality")).toHaveValue("major");
  await page.locator("#field-criticalityReason").fill("Toute l’équipe commerciale est touchée.");
  await page.getByRole("button", { name: "Reclasser" }).click();
  await expect(page.locator("#done")).toHaveText("La criticité est changée.");
  await expect(page.locator("#request-badges")).toContainText("Majeure");
  const history = page.locator("#history");
  await expect(history).toContainText("Criticité\u00a0: Mineure → Majeure");
  await expect(history).toContainText("Toute l’équipe commerciale est touchée.");
  await expect(history).toContainText("Assignation\u00a0: Personne → Léa Moulin");

  // The customer's side: the reply and the SLA met, never the note.
  const customer = await customerPage(browser, "premium");
  await customer.page.goto(`/requests/${reference}`);
  await expect(customer.page.locator("#sla")).toHaveAttribute("data-first-response", "met");
  await expect(customer.page.locator("#sla")).toContainText(
    "Respecté : première réponse le".replace(" :", "\u00a0:"),
  );
  await expect(customer.page.locator(".conversation")).toContainText(
    "nous regardons la synchronisation Outlook",
  );
  await expect(customer.page.locator("body")).not.toContainText("connecteur Exchange");
  await expect(customer.page.locator('#request-facts dd[data-criticality="major"]')).toContainText("Majeure");
  // Nor through the API.
  const detail = await apiCall<{ messages: Array<{ body: string }> }>("GET", `/v1/requests/${reference}`, {
    token: tokenOf("premium"),
  });
  expect(detail.body.messages.map((m) => m.body).join(" ")).not.toContain("connecteur Exchange");
  await customer.context.close();

  // The queue's "mine" view has it.
  await page.goto("/agent?view=mine");
  await expect(page.locator(`#queue tr[data-reference="${reference}"]`)).toBeVisible();
});

test("an agent changes the status with a required reason, and can reply and resolve at once", async ({
  page,
}) => {
  const { reference } = await openRequestAs("paying", {
    subject: "Import des fournisseurs",
    category: "usage-question",
    body: "Quel format de fichier pour importer nos fournisseurs ?",
  });
  await page.goto(`/agent/requests/${reference}`);
  await page.locator("#field-status").selectOption("waiting-on-customer");
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect(page.locator("#error-summary")).toContainText("Indiquez le motif");
  await expect(page.locator("#field-status")).toHaveValue("waiting-on-customer");
  await page.locator("#field-statusReason").fill("Il nous faut un exemple de fichier.");
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect(page.locator("#done")).toHaveText("Le statut est changé.");
  await expect(page.locator("#request-badges")).toContainText("En attente du client");
  await expect(page.locator("#running-sla")).toContainText("En pause");

  await page
    .getByLabel("Message", { exact: true })
    .fill("Le format CSV avec séparateur point-virgule convient.");
  await page.locator("#field-replyStatus").selectOption("resolved");
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.locator("#done")).toHaveText("Votre réponse est envoyée au client.");
  await expect(page.locator("#request-badges")).toContainText("Résolue");
  await expect(page.locator("#history")).toContainText("Il nous faut un exemple de fichier.");
});

test("an agent proposes a quote that the customer accepts, then sees the decision", async ({
  page,
  browser,
}) => {
  const { reference } = await openRequestAs("premium", {
    subject: "Export vers notre outil de paie",
    category: "custom-development",
    body: "Exporter chaque mois les heures des chauffeurs vers notre outil de paie.",
  });
  await page.goto(`/agent/requests/${reference}`);
  await expect(page.locator("#quotes")).toContainText("Aucun devis proposé pour le moment.");
  const form = page.locator("#propose");
  // An amount that is not one is refused, and everything typed stays.
  await form.getByLabel("Montant hors taxes (€)").fill("deux mille");
  await form.getByLabel("Charge estimée (jours)").fill("3,5");
  await form.getByLabel("Valable jusqu’au").fill(daysFromNow(20));
  await form
    .getByLabel("Conditions")
    .fill("Développement de l’export, recette avec vos équipes, mise en production.");
  await form.getByRole("button", { name: "Envoyer le devis au client" }).click();
  await expect(page.locator("#error-summary")).toContainText("Indiquez un montant en euros");
  await expect(form.getByLabel("Conditions")).toHaveValue(
    "Développement de l’export, recette avec vos équipes, mise en production.",
  );
  await expect(form.getByLabel("Charge estimée (jours)")).toHaveValue("3,5");
  await form.getByLabel("Montant hors taxes (€)").fill("2 500,50");
  await form.getByRole("button", { name: "Envoyer le devis au client" }).click();
  await expect(page.locator("#done")).toHaveText("Le devis est envoyé au client.");
  const quote = page.locator('#quotes .quote[data-status="proposed"]');
  await expect(quote).toContainText(formatEuroCents(250_050, "fr"));
  await expect(quote).toContainText("3,5 jours");

  const customer = await customerPage(browser, "premium");
  await customer.page.goto(`/requests/${reference}`);
  await customer.page.getByRole("link", { name: "Accepter ce devis" }).click();
  await customer.page.getByRole("button", { name: "Oui, j’accepte le devis" }).click();
  await expect(customer.page.locator("#done")).toContainText("Devis accepté.");
  await customer.context.close();

  await page.reload();
  const accepted = page.locator('#quotes .quote[data-status="accepted"]');
  await expect(accepted.locator(".badge")).toHaveText("Accepté");
  await expect(accepted).toContainText("Décision");
  await expect(page.getByRole("button", { name: "Retirer ce devis" })).toHaveCount(0);
  await expect(page.locator("#history")).toContainText("Devis\u00a0: Accepté");
});

test("an agent withdraws a proposal", async ({ page }) => {
  const { reference } = await openRequestAs("paying", {
    subject: "Champ calculé sur les factures",
    category: "custom-development",
    body: "Ajouter un champ calculé sur les factures.",
  });
  const proposed = await apiCall("POST", `/v1/agent/requests/${reference}/quotes`, {
    token: await apiToken("agent"),
    body: { amountCents: 90_000, effortDays: 1.5, validUntil: daysFromNow(10), terms: "Champ et tests." },
  });
  expect(proposed.status).toBe(201);
  await page.goto(`/agent/requests/${reference}`);
  await page.getByRole("button", { name: "Retirer ce devis" }).click();
  await expect(page.locator("#done")).toHaveText("Le devis est retiré.");
  await expect(page.locator("#quotes .quote .badge")).toHaveText("Retiré");
});

test("agents manage canned replies and insert one into a reply, keeping what they typed", async ({
  page,
}) => {
  await page.goto("/agent/canned-replies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réponses types");
  const form = page.locator("#new-canned");
  await form.getByRole("button", { name: "Ajouter la réponse type" }).click();
  await expect(page.locator("#error-summary")).toContainText("Ce champ est obligatoire.");
  await form.getByLabel("Titre").fill("Demande de capture d’écran");
  await form.getByLabel("Langue").selectOption("fr");
  await form.getByLabel("Texte").fill("Pourriez-vous nous envoyer une capture d’écran du message d’erreur ?");
  await form.getByRole("button", { name: "Ajouter la réponse type" }).click();
  await expect(page.locator("#done")).toHaveText("La réponse type est ajoutée.");
  const item = page.locator("#canned-list li", { hasText: "Demande de capture d’écran" });
  await expect(item).toContainText("capture d’écran du message d’erreur");

  // Edit it.
  await item.getByRole("link", { name: /Modifier/ }).click();
  await page.getByLabel("Titre").fill("Capture d’écran demandée");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.locator("#done")).toHaveText("La réponse type est enregistrée.");

  // Insert it into a reply: instantly with JavaScript, after what was typed.
  const { reference } = await openRequestAs("paying", {
    subject: "Erreur à l’enregistrement d’un contact",
    category: "bug",
    body: "Un message d’erreur s’affiche quand j’enregistre un contact.",
  });
  await page.goto(`/agent/requests/${reference}`);
  await page.getByLabel("Message", { exact: true }).fill("Bonjour Marc,");
  await page.getByLabel("Réponse type", { exact: true }).selectOption({ label: "Capture d’écran demandée" });
  await page.getByRole("button", { name: "Insérer" }).click();
  await expect(page).toHaveURL(new RegExp(`/agent/requests/${reference}$`));
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue(
    "Bonjour Marc,\n\nPourriez-vous nous envoyer une capture d’écran du message d’erreur ?",
  );
  await expect(page.locator("#canned-status")).toHaveText(
    "Réponse type « Capture d’écran demandée » insérée.".replace("« ", "«\u202f").replace(" »", "\u202f»"),
  );

  // Delete it.
  await page.goto("/agent/canned-replies");
  await page
    .locator("#canned-list li", { hasText: "Capture d’écran demandée" })
    .getByRole("link", { name: /Modifier/ })
    .click();
  await page.getByRole("button", { name: "Supprimer cette réponse type" }).click();
  await expect(page.locator("#done")).toHaveText("La réponse type est supprimée.");
  await expect(page.locator("#canned-list li", { hasText: "Capture d’écran demandée" })).toHaveCount(0);
});

test("the dashboard shows the API's figures as charts and tables, for 30 or 90 days", async ({ page }) => {
  const api = await apiCall<{
    receivedPerDay: Array<{ date: string; count: number }>;
    firstResponseSla: Array<{ tier: string; total: number; met: number; breached: number; pending: number }>;
    backlog: { total: number; byCriticality: Array<{ criticality: string; count: number }> };
  }>("GET", "/v1/agent/dashboard?days=30", { token: await apiToken("agent") });
  expect(api.status).toBe(200);
  await page.goto("/agent/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord");
  const window = page.getByRole("navigation", { name: "Période" });
  await expect(window.getByRole("link", { name: "30 derniers jours" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  // Charts are images with a title; the numbers are in tables.
  await expect(page.getByRole("img", { name: /^Demandes reçues — Par jour/ })).toBeVisible();
  await expect(page.locator("#chart-per-day rect.chart__bar")).toHaveCount(30);
  await expect(page.locator("#table-per-day tbody tr")).toHaveCount(api.body.receivedPerDay.length);
  const total = api.body.receivedPerDay.reduce((sum, d) => sum + d.count, 0);
  await expect(page.locator("#received")).toContainText(`Total\u00a0: ${total}`);
  for (const row of api.body.firstResponseSla) {
    const cells = page.locator(`#table-sla tr[data-tier="${row.tier}"] td`);
    await expect(cells.nth(0)).toHaveText(String(row.total));
    await expect(cells.nth(1)).toHaveText(String(row.met));
    await expect(cells.nth(2)).toHaveText(String(row.breached));
    await expect(cells.nth(3)).toHaveText(String(row.pending));
  }
  await expect(page.locator("#backlog")).toContainText(`${api.body.backlog.total} demandes actives`);
  const critical = api.body.backlog.byCriticality.find((r) => r.criticality === "critical");
  await expect(page.locator("#table-criticality tbody tr").first()).toHaveText(
    `Critique${critical?.count ?? 0}`,
  );
  await expect(page.locator("#median dd")).toHaveCount(3);

  await window.getByRole("link", { name: "90 derniers jours" }).click();
  await expect(page).toHaveURL(/\/agent\/dashboard\?days=90$/);
  await expect(page.locator("#chart-per-day rect.chart__bar")).toHaveCount(90);
});
