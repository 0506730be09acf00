/** Signing in and out: errors that reveal nothing, the rate limit's wait, the language switcher, `next`, staff. */
import { accounts, expect, password, signIn, test } from "./support/test.ts";

test("a wrong password shows the error and keeps the e-mail typed", async ({ page }) => {
  await signIn(page, accounts.paying, "not-the-password");
  const summary = page.locator("#error-summary");
  await expect(summary).toContainText("E-mail ou mot de passe incorrect.");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(accounts.paying);
  await expect(page.getByLabel("Mot de passe")).toHaveValue("");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown e-mail gets exactly the same answer", async ({ page }) => {
  await signIn(page, "personne@exemple.fr", "whatever-password");
  await expect(page.locator("#error-summary")).toContainText("E-mail ou mot de passe incorrect.");
  await expect(page.locator("#error-summary li")).toHaveCount(1);
});

test("too many attempts show how long to wait", async ({ page }) => {
  const email = "tentatives@exemple.fr";
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, "wrong-password");
    await expect(page.locator("#error-summary")).toContainText("E-mail ou mot de passe incorrect.");
  }
  await signIn(page, email, "wrong-password");
  await expect(page.locator("#error-summary")).toContainText(
    /Trop de tentatives\. Réessayez dans \d+ secondes?\./,
  );
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
});

test("the sign-in page switches to English and back, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${process.env.E2E_PORTAL_URL}/login`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("E-mail address").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#error-summary")).toContainText("Incorrect e-mail or password.");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
  await context.close();
});

test("signing in returns to the page asked for; staff land in their area; signing out ends the session", async ({
  page,
}) => {
  await page.goto("/requests?status=closed");
  await expect(page).toHaveURL(/\/login\?next=%2Frequests%3Fstatus%3Dclosed$/);
  await signIn(page, accounts.admin, password);
  // Staff have their own area: the `next` page is a customer page, which sends them to the queue.
  await expect(page).toHaveURL(/\/agent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("File d’attente");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/logout")),
    page.getByRole("button", { name: "Se déconnecter" }).click(),
  ]);
  expect(response.headers()["cache-control"]).toContain("no-store");
  await expect(page).toHaveURL(/\/login\?done=signed-out$/);
  await expect(page.locator("main")).toContainText("Vous êtes déconnecté.");
  expect((await page.context().cookies()).find((c) => c.name === "cs_session")).toBeUndefined();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test("an open redirect through `next` is refused", async ({ page }) => {
  await page.goto("/login?next=//evil.example/steal");
  await expect(page.locator('main input[name="next"]')).toHaveValue("/");
});
