/**
 * Account: name and language, password change (ends the other sessions), sessions and "sign out
 * everywhere"; forgotten password → reset; accepting an invitation. Uses accounts no other test
 * signs in with (Sophie, Karim, a new invitee), since these flows end sessions.
 */
import { accounts, apiCall, apiToken, expect, lastMailTo, password, signIn, test } from "./support/test.ts";

test.describe.configure({ mode: "serial" });

test("profile, language, password change and sign out everywhere", async ({ browser }) => {
  const email = accounts.paying2;
  const laptop = await browser.newContext({ baseURL: process.env.E2E_PORTAL_URL });
  const phone = await browser.newContext({
    baseURL: process.env.E2E_PORTAL_URL,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  });
  const page = await laptop.newPage();
  const other = await phone.newPage();
  await signIn(page, email);
  await signIn(other, email);
  await expect(other.getByRole("heading", { level: 1 })).toContainText("Sophie");

  // Sessions: both are listed, this one marked.
  await page.goto("/account");
  const sessions = page.locator("#sessions li");
  await expect(sessions).toHaveCount(2);
  await expect(page.locator('#sessions li[data-session="current"]')).toContainText("Chrome sur Linux");
  await expect(page.locator('#sessions li[data-session="other"]')).toContainText("Safari sur iOS");

  // Name and language.
  await page.getByLabel("Nom").fill("Sophie Bernard-Martin");
  await page.getByLabel("Langue de l’interface et des e-mails").selectOption("en");
  await page.getByRole("button", { name: "Enregistrer le profil" }).click();
  await expect(page.locator("#done")).toHaveText("Profile saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  await expect(page.getByLabel("Name")).toHaveValue("Sophie Bernard-Martin");
  await page.getByLabel("Language of the interface and e-mails").selectOption("fr");
  await page.getByRole("button", { name: "Save the profile" }).click();
  await expect(page.locator("#done")).toHaveText("Profil enregistré.");

  // Password change: errors keep the page usable, then success ends the other session.
  await page.getByLabel("Mot de passe actuel").fill("pas-le-bon");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une phrase de passe solide");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.locator("#error-summary")).toContainText("Le mot de passe actuel est incorrect.");
  await page.getByLabel("Mot de passe actuel").fill(password);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une phrase de passe solide");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("autre chose");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.locator("#error-summary")).toContainText(
    "Les deux mots de passe ne sont pas identiques.",
  );
  await page.getByLabel("Mot de passe actuel").fill(password);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une phrase de passe solide");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.locator("#done")).toContainText(
    "Mot de passe modifié. Vos autres sessions ont été fermées.",
  );
  await expect(page.locator("#sessions li")).toHaveCount(1);
  await other.goto("/requests");
  await expect(other).toHaveURL(/\/login\?next=%2Frequests$/);

  // The other device signs in again with the new password, then "sign out everywhere" ends both.
  await signIn(other, email, "une phrase de passe solide");
  await expect(other.getByRole("heading", { level: 1 })).toContainText("Sophie");
  await page.goto("/account");
  await page.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(page).toHaveURL(/\/login\?done=everywhere$/);
  await expect(page.locator("main")).toContainText("Vous êtes déconnecté de toutes vos sessions.");
  await other.goto("/");
  await expect(other).toHaveURL(/\/login$/);
  await laptop.close();
  await phone.close();
});

test("forgotten password: the same answer for any address, then the e-mailed link sets a new one", async ({
  page,
}) => {
  const email = accounts.premium2;
  await page.goto("/login");
  await page.getByRole("link", { name: "Mot de passe oublié ?".replace(" ?", "\u202f?") }).click();
  await page.getByLabel("Adresse e-mail").fill("inconnu@exemple.fr");
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  const sent = await page.locator("#reset-sent").textContent();
  await page.goto("/forgot-password");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.locator("#reset-sent")).toHaveText(sent ?? "");

  const mail = lastMailTo(email);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail?.text ?? "")?.[0];
  expect(link, "reset link in the e-mail").toBeTruthy();
  await page.goto(link as string);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choisir un nouveau mot de passe");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("court");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.locator("#error-summary")).toContainText("Au moins 8 caractères.");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("nouveau mot de passe de Karim");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("nouveau mot de passe de Karim");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page).toHaveURL(/\/login\?done=password-reset$/);
  await signIn(page, email, "nouveau mot de passe de Karim");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Karim");
  // The link works once.
  await page.goto(link as string);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("encore un autre mot de passe");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("encore un autre mot de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.locator("#error-summary")).toContainText("Ce lien n’est plus valide");
});

test("an invitation: see who invites you where, set a password, and you are in", async ({ page }) => {
  const admin = await apiToken("admin");
  const orgs = await apiCall<{ items: Array<{ id: string; name: string }> }>(
    "GET",
    "/v1/admin/organizations?limit=100",
    { token: admin },
  );
  const org = orgs.body.items.find((o) => o.name === "Boulangerie Martin SARL");
  expect(org).toBeTruthy();
  const email = "paul@boulangerie-martin.fr";
  const invited = await apiCall("POST", "/v1/admin/invitations", {
    token: admin,
    body: { email, name: "Paul Martin", role: "customer", organizationId: org?.id, locale: "fr" },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const link = /https?:\/\/\S+\/invitation\?token=\S+/.exec(lastMailTo(email)?.text ?? "")?.[0];
  expect(link, "invitation link in the e-mail").toBeTruthy();

  await page.goto(link as string);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activer votre compte");
  await expect(page.locator("main")).toContainText("Boulangerie Martin SARL");
  await expect(page.locator("main")).toContainText(email);
  await expect(page.getByLabel("Votre nom")).toHaveValue("Paul Martin");
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("le pain de Paul 2026");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("le pain de Paul 2026");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Paul Martin");
  // The invitation works once.
  await page.goto(link as string);
  await expect(page.locator("main")).toContainText("Ce lien n’est plus valide");
});
