/** Quotes: asking for one from its own form, a proposal made through the API, accepting / declining with confirmation. */
import { formatEuroCents } from "@cirrus/domain";
import { apiCall, apiToken, daysFromNow, env, expect, openRequestAs, test } from "./support/test.ts";

async function propose(
  reference: string,
  quote: { amountCents: number; effortDays: number; validUntil: string; terms: string },
) {
  const { status, body } = await apiCall<{ id: string }>("POST", `/v1/agent/requests/${reference}/quotes`, {
    token: await apiToken("agent"),
    body: quote,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

test.describe("a Premium customer", () => {
  test.use({ account: "premium" });

  test("asks for a quote, and accepts the one proposed through the API", async ({ page }) => {
    await page.goto("/quotes/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander un devis");
    await page.getByLabel("Intitulé du besoin").fill("Export quotidien vers notre entrepôt de données");
    await page
      .getByLabel("Description du besoin")
      .fill("Chaque nuit, exporter les opportunités gagnées au format Parquet.");
    await page.getByRole("button", { name: "Demander un devis" }).click();
    await expect(page).toHaveURL(/\/requests\/CS-\d{6}\?done=created$/);
    const reference = /CS-\d{6}/.exec(page.url())?.[0] ?? "";
    await expect(page.locator("#request-facts")).toContainText("Développement spécifique (sur devis)");
    await expect(page.locator("main")).toContainText("Devis en préparation.");

    await propose(reference, {
      amountCents: 250_050,
      effortDays: 3.5,
      validUntil: daysFromNow(20),
      terms: "Développement de l’export, tests, mise en production.",
    });
    await page.goto("/quotes");
    const card = page.locator(`[data-reference="${reference}"] .quote`);
    await expect(card).toContainText(formatEuroCents(250_050, "fr"));
    await expect(card).toContainText("3,5 jours");
    await expect(card.locator(".badge")).toHaveText("Proposé");

    await card.getByRole("link", { name: "Accepter ce devis" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accepter le devis");
    await expect(page.locator("main")).toContainText(
      "En acceptant, vous commandez ce développement au montant indiqué.",
    );
    await page.getByRole("button", { name: "Oui, j’accepte le devis" }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${reference}\\?done=accepted`));
    await expect(page.locator("#done")).toContainText("Devis accepté.");
    await expect(page.locator(".quote .badge")).toHaveText("Accepté");
    await expect(page.getByRole("link", { name: "Accepter ce devis" })).toHaveCount(0);
    await expect(page.locator("#history")).toContainText("Devis : Accepté".replace(" :", "\u00a0:"));
  });

  test("declines a quote only after confirming, and can cancel", async ({ page }) => {
    const { reference } = await openRequestAs("premium", {
      subject: "Module de signature électronique",
      category: "custom-development",
      body: "Intégrer un module de signature électronique aux devis.",
    });
    await propose(reference, {
      amountCents: 900_000,
      effortDays: 12,
      validUntil: daysFromNow(30),
      terms: "Intégration et recette.",
    });
    await page.goto(`/requests/${reference}`);
    await page.getByRole("link", { name: "Refuser ce devis" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refuser le devis");
    await page.getByRole("link", { name: "Annuler" }).click();
    await expect(page.locator(".quote .badge")).toHaveText("Proposé");

    await page.getByRole("link", { name: "Refuser ce devis" }).click();
    await page.getByRole("button", { name: "Oui, je refuse le devis" }).click();
    await expect(page.locator("#done")).toContainText("Devis refusé.");
    await expect(page.locator(".quote .badge")).toHaveText("Refusé");
  });

  test("sees a superseded proposal as such and can act on the new one only", async ({ page }) => {
    const { reference } = await openRequestAs("premium", {
      subject: "Tableau de bord des livraisons",
      category: "custom-development",
      body: "Un tableau de bord des livraisons en retard.",
    });
    await propose(reference, {
      amountCents: 100_000,
      effortDays: 1,
      validUntil: daysFromNow(10),
      terms: "Première proposition.",
    });
    await propose(reference, {
      amountCents: 150_000,
      effortDays: 1.5,
      validUntil: daysFromNow(10),
      terms: "Proposition révisée.",
    });
    await page.goto(`/requests/${reference}`);
    await expect(page.locator(".quote")).toHaveCount(2);
    await expect(page.locator('.quote[data-status="superseded"] .badge')).toHaveText("Remplacé");
    await expect(page.locator('.quote[data-status="proposed"]')).toContainText("Proposition révisée.");
    await expect(page.getByRole("link", { name: "Accepter ce devis" })).toHaveCount(1);
  });
});

test.describe("a Paying customer", () => {
  test.use({ account: "paying" });

  test("may ask for quotes too (custom development is on quote for Paying)", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Devis" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devis");
    await expect(page.getByRole("link", { name: "Demander un devis" })).toHaveAttribute(
      "href",
      "/quotes/new",
    );
  });

  test("cannot decide on another organization's quote", async ({ page }) => {
    const { reference } = await openRequestAs("premium", {
      subject: "Connecteur transporteur",
      category: "custom-development",
      body: "Un connecteur vers notre transporteur.",
    });
    const quoteId = await propose(reference, {
      amountCents: 50_000,
      effortDays: 1,
      validUntil: daysFromNow(5),
      terms: "T.",
    });
    const view = await page.goto(`/requests/${reference}/quotes/${quoteId}?decision=accept`);
    expect(view?.status()).toBe(404);
    const post = await page.request.post(`/requests/${reference}/quotes/${quoteId}`, {
      form: { decision: "accept" },
      headers: { origin: env.portalUrl },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
  });
});
