/** Requests: opening one (plan rules, criticality, due time), the list, the conversation, close / reopen, tenancy. */
import { firstResponseDueAt } from "@cirrus/domain";
import { formatDateTime } from "@cirrus/ui";
import { accounts, apiCall, env, expect, openRequestAs, statePath, test, tokenOf } from "./support/test.ts";

test.describe("a Paying customer", () => {
  test.use({ account: "paying" });

  test("opens a request and sees its reference and due time", async ({ page }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Sujet").fill("Les factures PDF sont vides");
    await page.getByLabel("Problème avec le produit (bug)").check();
    await page.getByLabel("Description").fill("Depuis hier, le PDF des factures s’ouvre sans contenu.");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();

    await expect(page).toHaveURL(/\/requests\/CS-\d{6}\?done=created$/);
    const reference = /CS-\d{6}/.exec(page.url())?.[0] ?? "";
    const notice = page.locator("#request-created");
    await expect(notice).toContainText(`Votre demande ${reference} est enregistrée.`);
    await expect(notice).toContainText(
      /Réponse attendue d’ici le \S+ \d+ \S+ \d{4} à \d\d:\d\d \(heure de Paris\)/,
    );

    // The due time is the domain's, from the time the request was received.
    const receivedAt = await page.locator("#request-facts time").first().getAttribute("datetime");
    const due = firstResponseDueAt("paying", new Date(receivedAt ?? ""));
    expect(due).not.toBeNull();
    await expect(notice).toContainText(formatDateTime(due as Date, "fr"));

    // The list shows it with "answer expected by" while the first response is awaited.
    await page.goto("/requests");
    const row = page.locator(`li[data-reference="${reference}"]`);
    await expect(row).toContainText("Les factures PDF sont vides");
    await expect(row).toContainText("Nouvelle");
    await expect(row).toContainText(
      `Réponse attendue d’ici le ${formatDateTime(due as Date, "fr")} (heure de Paris)`,
    );
  });

  test("keeps everything typed when validation fails", async ({ page }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Sujet").fill("   ");
    await page.getByLabel("Problème avec le produit (bug)").check();
    await page.getByLabel("Description").fill("Un texte assez long que je ne veux pas retaper.");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();

    const summary = page.locator("#error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Ce champ est obligatoire.");
    await expect(page.getByLabel("Sujet")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Description")).toHaveValue(
      "Un texte assez long que je ne veux pas retaper.",
    );
    await expect(page.getByLabel("Problème avec le produit (bug)")).toBeChecked();
    // The summary links to the field.
    await summary.getByRole("link").first().click();
    await expect(page.getByLabel("Sujet")).toBeFocused();
  });

  test("is offered only the categories the plan allows, with the reason and a link for the others", async ({
    page,
  }) => {
    await page.goto("/requests/new");
    const developer = page.getByLabel("Question de développeur");
    await expect(developer).toBeDisabled();
    const choice = page.locator('[data-category="developer-question"]');
    await expect(choice).toContainText(
      /Non incluse\s: nécessite l’option «\s*Support développeurs \(réponses, sans code\)\s*», disponible en option pour votre offre/,
    );
    await expect(choice.getByRole("link", { name: "En savoir plus sur les options" })).toHaveAttribute(
      "href",
      `${env.helpUrl}/articles/options-supplementaires/`,
    );
    await expect(page.getByLabel("Question d’utilisation")).toBeEnabled();
    // Paying customers do not classify criticality.
    await expect(page.getByRole("group", { name: "Criticité" })).toHaveCount(0);
  });

  test("replies, closes and reopens a request, with the history of status changes", async ({ page }) => {
    const { reference } = await openRequestAs("paying", {
      subject: "Relance automatique des devis",
      category: "usage-question",
      body: "Peut-on relancer automatiquement les devis non signés ?",
    });
    await page.goto(`/requests/${reference}`);
    await page.getByLabel("Votre réponse").fill("Précision : il s’agit des devis de plus de 30 jours.");
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(page.locator("#done")).toContainText("Votre réponse est envoyée.");
    await expect(page.locator(".conversation > li")).toHaveCount(2);
    await expect(page.locator(".conversation > li").last()).toContainText(
      "Précision : il s’agit des devis de plus de 30 jours.",
    );
    await expect(page.locator(".conversation > li").last()).toContainText("Marc Martin (vous)");

    await page.getByRole("button", { name: "Fermer la demande" }).click();
    await expect(page.locator("#done")).toContainText("La demande est fermée.");
    await expect(page.locator(".page-head .badge")).toHaveText("Fermée");
    await expect(page.getByLabel("Votre réponse")).toHaveCount(0);
    await expect(page.locator("#request-facts")).toContainText(
      /Terminée\s?; elle peut être rouverte pendant 30 jours\./,
    );

    await page.getByRole("button", { name: "Rouvrir la demande" }).click();
    await expect(page.locator("#done")).toContainText("La demande est rouverte.");
    await expect(page.locator(".page-head .badge")).toHaveText("En cours");
    await expect(page.getByLabel("Votre réponse")).toBeVisible();
    const history = page.locator("#history");
    await expect(history).toContainText("Demande reçue (Nouvelle)");
    await expect(history).toContainText("Statut : Nouvelle → Fermée".replace(" :", "\u00a0:"));
    await expect(history).toContainText("Statut : Fermée → En cours".replace(" :", "\u00a0:"));
    await expect(history).toContainText("par Marc Martin");
  });

  test("sees text customers write as text: no script runs, no javascript: link", async ({ page }) => {
    const { reference } = await openRequestAs("paying", {
      subject: "<script>window.__xss = 'subject'</script> Sujet piégé",
      category: "usage-question",
      body: "Bonjour",
    });
    const hostile = [
      "<script>window.__xss = 'body'</script>",
      "[cliquez ici](javascript:window.__xss='link')",
      "<a href=\"javascript:window.__xss='a'\">lien</a>",
      "<img src=x onerror=\"window.__xss='img'\">",
      "Voir https://www.cirrus-shield.com/docs.",
    ].join("\n");
    await page.goto(`/requests/${reference}`);
    await page.getByLabel("Votre réponse").fill(hostile);
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(page.locator("#done")).toBeVisible();

    const message = page.locator(".conversation > li").last();
    await expect(message).toContainText("<script>window.__xss = 'body'</script>");
    await expect(message).toContainText("[cliquez ici](javascript:window.__xss='link')");
    await expect(page.locator("h1")).toContainText("<script>window.__xss = 'subject'</script> Sujet piégé");
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    await expect(page.locator("main script")).toHaveCount(0);
    await expect(page.locator("main img")).toHaveCount(0);
    await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
    // Plain http(s) addresses do become links, to where they say.
    await expect(message.getByRole("link", { name: "https://www.cirrus-shield.com/docs" })).toHaveAttribute(
      "href",
      "https://www.cirrus-shield.com/docs",
    );
    // And the list shows the subject as text too.
    await page.goto("/requests");
    await expect(page.locator(`li[data-reference="${reference}"]`)).toContainText("<script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  test("gets 404 for another organization's request", async ({ page, browser }) => {
    // A request of Transports Lefèvre (Premium), seen from its own customer.
    const premium = await browser.newContext({ storageState: statePath("premium") });
    const premiumPage = await premium.newPage();
    await premiumPage.goto(`${env.portalUrl}/requests?status=all`);
    const theirs = await premiumPage.locator("li[data-reference]").first().getAttribute("data-reference");
    await premium.close();
    expect(theirs).toMatch(/^CS-\d{6}$/);

    const response = await page.goto(`/requests/${theirs}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.locator("body")).not.toContainText("Transports Lefèvre");
    // Posting to it changes nothing either.
    const post = await page.request.post(`/requests/${theirs}`, {
      form: { intent: "close" },
      headers: { origin: env.portalUrl },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
  });

  test("searches, filters by category and status", async ({ page }) => {
    const { reference } = await openRequestAs("paying", {
      subject: "Synchronisation agenda introuvable",
      category: "bug",
      body: "La synchronisation avec l’agenda a disparu du menu.",
    });
    await page.goto("/requests");
    await page.getByLabel("Rechercher").fill("agenda");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.locator("li[data-reference]")).toHaveCount(1);
    await expect(page.locator(`li[data-reference="${reference}"]`)).toBeVisible();

    await page.goto("/requests?status=all&category=bug");
    await expect(page.locator(`li[data-reference="${reference}"]`)).toBeVisible();
    for (const category of await page.locator("li[data-reference] .request-list__meta").allTextContents()) {
      expect(category).toContain("Problème avec le produit (bug)");
    }

    await page.getByRole("link", { name: "Fermées" }).click();
    await expect(page.getByRole("link", { name: "Fermées" })).toHaveAttribute("aria-current", "page");
    await expect(page.locator(`li[data-reference="${reference}"]`)).toHaveCount(0);

    // A reference typed in the search box opens that request.
    await page.goto("/requests");
    await page.getByLabel("Rechercher").fill(reference.toLowerCase());
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${reference}$`));
  });
});

test.describe("a Paying customer with the developer-support add-on", () => {
  test.use({ account: "payingDev" });

  test("pages through many requests (in English)", async ({ page }) => {
    for (let i = 1; i <= 22; i++) {
      await openRequestAs("payingDev", {
        subject: `Batch question ${i}`,
        category: "developer-question",
        body: "How?",
      });
    }
    await page.goto("/requests");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My requests");
    await expect(page.locator("li[data-reference]")).toHaveCount(20);
    await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    await page.getByRole("link", { name: "Next page" }).click();
    const second = await page.locator("li[data-reference]").count();
    expect(second).toBeGreaterThanOrEqual(3);
    await page.getByRole("link", { name: "Previous page" }).click();
    await expect(page.locator("li[data-reference]")).toHaveCount(20);
    await expect(page.locator("li[data-reference]").first()).toContainText("Batch question 22");
    // The add-on opens the developer category.
    await page.goto("/requests/new");
    await expect(page.getByLabel("Developer question")).toBeEnabled();
    await expect(page.getByLabel("Environment administration")).toBeDisabled();
  });
});

test.describe("a Premium customer", () => {
  test.use({ account: "premium" });

  test("sets a criticality, with the definitions shown beside each level", async ({ page }) => {
    await page.goto("/requests/new");
    const group = page.getByRole("group", { name: "Criticité" });
    await expect(group).toContainText("Corruption des données.");
    await expect(group).toContainText("Une demande qui a un impact faible.");
    await page.getByLabel("Sujet").fill("Export comptable en échec");
    await page.getByLabel("Problème avec le produit (bug)").check();
    await page.getByLabel("Description").fill("L’export comptable s’arrête à 50 %.");
    // Forgetting the criticality is caught, and nothing typed is lost.
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.locator("#error-summary")).toContainText("Choisissez une criticité.");
    await expect(page.getByLabel("Sujet")).toHaveValue("Export comptable en échec");
    await page.getByLabel("Majeure").check();
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.locator("#request-created")).toContainText("est enregistrée");
    await expect(page.locator('#request-facts dd[data-criticality="major"]')).toContainText("Majeure");
    await expect(page.locator("#sla")).toContainText("En attente de la première réponse");
  });

  test("sees what needs attention first on the home page", async ({ page }) => {
    await page.goto("/");
    const attention = page.getByRole("list", { name: "Demandes à traiter" });
    await expect(attention.locator("li").first()).toContainText("Un devis attend votre décision.");
    await expect(attention).toContainText("Le support attend votre réponse.");
  });

  test("gets help-center articles suggested while typing, and keeps the draft when opening one", async ({
    page,
    context,
  }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Description").fill("Un collaborateur n’arrive plus à se connecter.");
    await page.getByLabel("Sujet").pressSequentially("mot de passe", { delay: 30 });
    const suggestions = page.locator("#suggestions");
    await expect(suggestions).toBeVisible({ timeout: 10_000 });
    const first = suggestions.getByRole("link").first();
    await expect(first).toHaveAttribute("href", new RegExp(`^${env.helpUrl}/articles/`));
    await expect(suggestions).toContainText(/mot de passe/i);
    const [article] = await Promise.all([context.waitForEvent("page"), first.click()]);
    await article.waitForLoadState();
    expect(article.url()).toContain(`${env.helpUrl}/articles/`);
    await article.close();
    await expect(page.getByLabel("Sujet")).toHaveValue("mot de passe");
    // Even a reload keeps the draft (sessionStorage).
    await page.reload();
    await expect(page.getByLabel("Description")).toHaveValue(
      "Un collaborateur n’arrive plus à se connecter.",
    );
    await expect(page.locator("#draft-restored")).toBeVisible();
  });
});

test.describe("a Free customer", () => {
  test.use({ account: "free" });

  test("sees the plan and the help center, is told requests need a paid plan, and has no form that would fail", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("#free-plan")).toContainText(
      "Les demandes de support nécessitent une offre payante",
    );
    await expect(page.getByRole("link", { name: "Consulter le centre d’aide" })).toHaveAttribute(
      "href",
      `${env.helpUrl}/`,
    );
    await expect(page.getByRole("link", { name: "Nouvelle demande" })).toHaveCount(0);
    await expect(
      page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Devis" }),
    ).toHaveCount(0);

    await page.goto("/requests/new");
    await expect(page.locator("#free-plan")).toBeVisible();
    await expect(page.locator("form#new-request")).toHaveCount(0);
    await expect(page.locator("textarea")).toHaveCount(0);

    // Even a hand-made POST opens nothing.
    const post = await page.request.post("/requests/new", {
      form: { subject: "Test", category: "usage-question", body: "Test" },
      headers: { origin: env.portalUrl },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(200);
    const list = await apiCall<{ items: unknown[] }>("GET", "/v1/requests?status=new", {
      token: tokenOf("free"),
    });
    expect(list.body.items).toHaveLength(0);
    expect(accounts.free).toContain("atelier-dupont");
  });
});
