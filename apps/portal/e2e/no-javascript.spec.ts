/**
 * Progressive enhancement: every form works with JavaScript off (plain HTML forms, server-side
 * validation, redirects after POST), and every field has a label.
 */
import { apiCall, apiToken, daysFromNow, expect, openRequestAs, test } from "./support/test.ts";

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

test.describe("an agent without JavaScript", () => {
  test.use({ account: "agent" });

  test("inserts a canned reply by posting the form (what was typed is kept), then replies with it", async ({
    page,
  }) => {
    const canned = await apiCall("POST", "/v1/agent/canned-replies", {
      token: await apiToken("agent"),
      body: { title: "Clôture après correction", body: "Le correctif est en production.", locale: "fr" },
    });
    expect(canned.status).toBe(201);
    const { reference } = await openRequestAs("paying", {
      subject: "Relances clients en double",
      category: "bug",
      body: "Chaque client reçoit deux relances.",
    });
    await page.goto(`/agent/requests/${reference}`);
    await page.getByLabel("Message", { exact: true }).fill("Bonjour Marc,");
    await page.getByLabel("Note interne", { exact: true }).check();
    await page
      .getByLabel("Réponse type", { exact: true })
      .selectOption({ label: "Clôture après correction" });
    await page.getByRole("button", { name: "Insérer" }).click();
    await expect(page.locator("#canned-inserted")).toContainText("Clôture après correction");
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue(
      "Bonjour Marc,\n\nLe correctif est en production.",
    );
    // The rest of the form is kept too.
    await expect(page.getByLabel("Note interne", { exact: true })).toBeChecked();
    await page.getByLabel("Réponse au client", { exact: true }).check();
    await page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(page.locator("#done")).toHaveText("Votre réponse est envoyée au client.");
    await expect(page.locator(".conversation > li").last()).toContainText("Le correctif est en production.");
  });
});

test.describe("an admin without JavaScript", () => {
  test.use({ account: "admin" });

  test("sees the add-ons of the chosen tier after asking for them, without losing the form", async ({
    page,
  }) => {
    await page.goto("/admin/organizations/new");
    await page.getByLabel("Nom", { exact: true }).fill("Menuiserie Roux");
    // Paying (the default) sells two add-ons.
    await expect(page.getByLabel("Support développeurs (réponses, sans code)")).toBeVisible();
    await page.getByLabel("Support Premium").check();
    await page.getByRole("button", { name: "Afficher les options de l’offre choisie" }).click();
    await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Menuiserie Roux");
    await expect(page.getByLabel("Support Premium")).toBeChecked();
    await expect(page.getByLabel("Support développeurs (réponses, sans code)")).toBeHidden();
    await page.getByLabel("Client Payant").check();
    await page.getByRole("button", { name: "Afficher les options de l’offre choisie" }).click();
    await page.getByLabel("Administration de votre environnement (sans code)").check();
    await page.getByRole("button", { name: "Créer l’organisation" }).click();
    await expect(page.locator("#done")).toHaveText("L’organisation est créée.");
    await expect(page.locator('#entitlements [data-option="environment-administration"]')).toContainText(
      "Souscrite",
    );
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

for (const [account, paths] of [
  ["agent", ["/agent", "/agent/requests/CS-000001", "/agent/requests/CS-000007", "/agent/canned-replies"]],
  [
    "admin",
    [
      "/admin/organizations",
      "/admin/organizations/new",
      "/admin/users",
      "/admin/invitations/new",
      "/admin/audit",
    ],
  ],
] as const) {
  test.describe(`every staff form field has a label (${account})`, () => {
    test.use({ account });

    test("on each page with a form", async ({ page }) => {
      for (const path of paths) {
        await page.goto(path);
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>("main input, main select, main textarea")]
            .filter((el) => el.type !== "hidden" && !el.hidden && !el.closest("[hidden]"))
            .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute("aria-label"))
            .map((el) => el.name || el.id),
        );
        expect(unlabelled, path).toEqual([]);
      }
    });
  });
}
