/**
 * Progressive enhancement: every form works with JavaScript off (plain HTML forms, server-side
 * validation, redirects after POST), and every field has a label.
 */
import { apiCall, apiToken, daysFromNow, expect, test } from "./support/test.ts";

test.use({ javaScriptEnabled: false });

test.describe("a Premium customer without JavaScript", () => {
  test.use({ account: "premium" });

  test("opens a request (with a validation error first), replies, closes, reopens and accepts a quote", async ({
    page,
  }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Sujet").fill("Sans JavaScript");
    await page.getByLabel("Description").fill("Tout fonctionne sans script.");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.locator("#error-summary")).toContainText("Choisissez une criticité.");
    await expect(page.getByLabel("Description")).toHaveValue("Tout fonctionne sans script.");
    await page.getByLabel("Mineure").check();
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.locator("#request-created")).toContainText("est enregistrée");
    const reference = /CS-\d{6}/.exec(page.url())?.[0] ?? "";

    await page.getByLabel("Votre réponse").fill("Une précision.");
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(page.locator("#done")).toContainText("Votre réponse est envoyée.");
    await page.getByRole("button", { name: "Fermer la demande" }).click();
    await expect(page.locator(".page-head .badge")).toHaveText("Fermée");
    await page.getByRole("button", { name: "Rouvrir la demande" }).click();
    await expect(page.locator(".page-head .badge")).toHaveText("En cours");

    // A quote request, a proposal by an agent, accepted with the confirmation page.
    await page.goto("/quotes/new");
    await page.getByLabel("Intitulé du besoin").fill("Besoin sans script");
    await page.getByLabel("Description du besoin").fill("Un petit développement.");
    await page.getByRole("button", { name: "Demander un devis" }).click();
    const quoteRequest = /CS-\d{6}/.exec(page.url())?.[0] ?? "";
    expect(quoteRequest).not.toBe(reference);
    const proposed = await apiCall("POST", `/v1/agent/requests/${quoteRequest}/quotes`, {
      token: await apiToken("agent"),
      body: { amountCents: 120_000, effortDays: 2, validUntil: daysFromNow(15), terms: "Conditions." },
    });
    expect(proposed.status).toBe(201);
    await page.reload();
    await page.getByRole("link", { name: "Accepter ce devis" }).click();
    await page.getByRole("button", { name: "Oui, j’accepte le devis" }).click();
    await expect(page.locator("#done")).toContainText("Devis accepté.");
  });
});

test.describe("every form field has a label", () => {
  test.use({ account: "paying" });

  test("on each page with a form", async ({ page }) => {
    for (const path of ["/requests/new", "/quotes/new", "/requests", "/account"]) {
      await page.goto(path);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>("main input, main select, main textarea")]
          .filter((el) => el.type !== "hidden" && !el.hidden)
          .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute("aria-label"))
          .map((el) => el.name || el.id),
      );
      expect(unlabelled, path).toEqual([]);
    }
  });
});
