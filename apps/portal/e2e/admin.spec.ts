/**
 * The administration in real Chromium: an organization created and moved from Paying to Premium
 * (its customer sees the new plan at once; requests already received keep their due times), users
 * invited through the outbox, disabled (their sessions end) and enabled, staff roles, invitations
 * resent and cancelled, and the audit log of all of it.
 */
import { env, expect, lastMailTo, test } from "./support/test.ts";

test.use({ account: "admin" });
test.describe.configure({ mode: "serial" });

const organizationName = "Garage Petit & Fils";
const customerEmail = "paul@garage-petit.fr";
let organizationUrl = "";

function invitationLink(email: string): string {
  const link = /https?:\/\/\S+\/invitation\?token=\S+/.exec(lastMailTo(email)?.text ?? "")?.[0];
  expect(link, `invitation link mailed to ${email}`).toBeTruthy();
  return link as string;
}

test("an admin creates a Paying organization with an add-on, invites its first customer, then moves it to Premium: the customer sees the new plan at once and existing requests keep their due times", async ({
  page,
  browser,
}) => {
  await page.goto("/admin/organizations");
  await page.getByRole("link", { name: "Nouvelle organisation" }).click();
  // Only the chosen tier's add-ons are offered: none for Premium, two for Paying.
  await page.getByLabel("Support Premium").check();
  await expect(page.getByLabel("Support développeurs (réponses, sans code)")).toBeHidden();
  await page.getByLabel("Client Payant").check();
  await page.getByLabel("Support développeurs (réponses, sans code)").check();
  // The name is required; nothing chosen is lost.
  await page.getByRole("button", { name: "Créer l’organisation" }).click();
  await expect(page.locator("#error-summary")).toContainText("Ce champ est obligatoire.");
  await expect(page.getByLabel("Client Payant")).toBeChecked();
  await expect(page.getByLabel("Support développeurs (réponses, sans code)")).toBeChecked();
  await page.getByLabel("Nom", { exact: true }).fill(organizationName);
  await page.getByRole("button", { name: "Créer l’organisation" }).click();
  await expect(page.locator("#done")).toHaveText("L’organisation est créée.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organizationName);
  organizationUrl = new URL(page.url()).pathname;
  await expect(page.locator('#entitlements [data-option="developer-support"]')).toContainText(
    "Inclus · Souscrite",
  );

  // Invite its first customer: the e-mail goes through the outbox.
  await page.getByRole("link", { name: "Inviter un utilisateur" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Organisation")).toHaveValue(organizationUrl.split("/").at(-1) ?? "");
  await page.getByLabel("Adresse e-mail").fill(customerEmail);
  await page.getByLabel("Nom", { exact: true }).fill("Paul Petit");
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`${organizationUrl}\\?done=sent`));
  await expect(page.locator("#done")).toHaveText(`L’invitation est envoyée à ${customerEmail}.`);
  await expect(page.locator(`#invitations-table tr[data-email="${customerEmail}"]`)).toBeVisible();
  const mail = lastMailTo(customerEmail);
  expect(mail?.text).toContain(organizationName);

  // The customer activates the account and opens a request under the Paying plan.
  const customer = await browser.newContext({ baseURL: env.portalUrl });
  const portal = await customer.newPage();
  await portal.goto(invitationLink(customerEmail));
  await portal.getByLabel("Nouveau mot de passe", { exact: true }).fill("le garage de Paul 2026");
  await portal.getByLabel("Confirmez le nouveau mot de passe").fill("le garage de Paul 2026");
  await portal.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText("Bonjour Paul Petit");
  await expect(portal.locator(".plan")).toContainText(/offre «\s*Client Payant\s*»/);
  await portal.goto("/requests/new");
  await portal.getByLabel("Sujet").fill("Le devis PDF ne part plus par e-mail");
  await portal.getByLabel("Problème avec le produit (bug)").check();
  await portal.getByLabel("Description").fill("Depuis ce matin, l’envoi du devis échoue.");
  await portal.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(portal.locator("#request-created")).toContainText("est enregistrée");
  const reference = /CS-\d{6}/.exec(portal.url())?.[0] ?? "";
  const dueBefore = await portal.locator("#sla").textContent();
  expect(dueBefore).toContain("En attente de la première réponse");

  // The admin moves the organization to Premium.
  await page.goto(organizationUrl);
  const plan = page.locator("#plan-form");
  await plan.getByLabel("Support Premium").check();
  // Premium includes developer support: no add-on is offered any more.
  await expect(plan.getByLabel("Support développeurs (réponses, sans code)")).toBeHidden();
  await plan.getByRole("button", { name: "Enregistrer l’offre" }).click();
  await expect(page.locator("#done")).toContainText("L’offre est enregistrée.");
  await expect(page.locator(".page-head .badge")).toHaveText("Support Premium");
  await expect(page.locator('#entitlements [data-option="priority-support"]')).toContainText("Inclus");
  const history = page.locator("#organization-history");
  await expect(history).toContainText("Modification de l’organisation");
  const tierChange = history.locator('tr[data-action="organization.update"] [data-field="tier"]');
  await expect(tierChange).toContainText("Client Payant");
  await expect(tierChange).toContainText("Support Premium");
  await expect(tierChange.locator("del")).toHaveText("Client Payant");
  await expect(tierChange.locator("ins")).toHaveText("Support Premium");
  await expect(history).toContainText("Création de l’organisation");
  // The request keeps the tier it was received with.
  await expect(page.locator(`#organization-requests tr[data-reference="${reference}"]`)).toContainText(
    "Client Payant",
  );

  // The customer's portal shows the new plan at once; the request keeps its due time.
  await portal.goto("/");
  await expect(portal.locator(".plan")).toContainText(/offre «\s*Support Premium\s*»/);
  await expect(portal.locator(".cs-support-table thead th.is-highlighted")).toHaveText(/Support Premium/);
  await portal.goto(`/requests/${reference}`);
  await expect(portal.locator("#sla")).toHaveText(dueBefore ?? "");
  // Premium customers classify criticality from now on.
  await portal.goto("/requests/new");
  await expect(portal.getByRole("group", { name: "Criticité" })).toBeVisible();

  // An agent sees the change too: the request was received under the Paying plan.
  await page.goto(`/agent/requests/${reference}`);
  await expect(page.locator("#organization-plan")).toContainText("Support Premium");
  await expect(page.locator("#plan-changed")).toContainText("Client Payant");

  // Disabling the customer ends their session at once; enabling lets them sign in again.
  await page.goto(`/admin/users?q=${encodeURIComponent(customerEmail)}`);
  const row = page.locator(`#users-table tr[data-email="${customerEmail}"]`);
  await row.getByRole("button", { name: /^Désactiver/ }).click();
  await expect(page.locator("#done")).toHaveText(
    "Paul Petit : compte désactivé ; ses sessions sont fermées."
      .replace(" :", "\u00a0:")
      .replace(" ;", "\u202f;"),
  );
  await expect(row.locator(".badge")).toHaveText("Désactivé");
  await portal.goto("/");
  await expect(portal).toHaveURL(/\/login$/);
  await row.getByRole("button", { name: /^Réactiver/ }).click();
  await expect(page.locator("#done")).toHaveText("Paul Petit\u00a0: compte réactivé.");
  await expect(row.locator(".badge")).toHaveText("Actif");
  await customer.close();
});

test("staff are created by invitation only: an admin invites an agent, resends the link, and later makes them an admin", async ({
  page,
  browser,
}) => {
  const email = "ines@cirrus-shield.com";
  await page.goto("/admin/invitations/new");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Nom", { exact: true }).fill("Inès Garnier");
  await page.getByLabel("Agent du support").check();
  await page.getByLabel("Organisation").selectOption({ label: "Atelier Dupont" });
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.locator("#error-summary")).toContainText(
    "Un membre de l’équipe n’appartient à aucune organisation.",
  );
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expect(page.getByLabel("Agent du support")).toBeChecked();
  await page.getByLabel("Organisation").selectOption("");
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page).toHaveURL(/\/admin\/invitations\?done=sent/);
  const first = invitationLink(email);

  // Resend: a new link, the old one stops working.
  const row = page.locator(`#invitations-table tr[data-email="${email}"]`);
  await row.getByRole("button", { name: /^Renvoyer/ }).click();
  await expect(page.locator("#done")).toHaveText(
    "Un nouveau lien est envoyé ; l’ancien ne fonctionne plus.".replace(" ;", "\u202f;"),
  );
  const second = invitationLink(email);
  expect(second).not.toBe(first);

  const context = await browser.newContext({ baseURL: env.portalUrl });
  const invited = await context.newPage();
  await invited.goto(first);
  await expect(invited.locator("main")).toContainText("Ce lien n’est plus valide");
  await invited.goto(second);
  await expect(invited.locator("main")).toContainText("rejoindre l’équipe du support Cirrus Shield");
  await invited.getByLabel("Nouveau mot de passe", { exact: true }).fill("la console d’Inès 2026");
  await invited.getByLabel("Confirmez le nouveau mot de passe").fill("la console d’Inès 2026");
  await invited.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(invited).toHaveURL(/\/agent$/);
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("File d’attente");
  // An agent has no administration.
  expect((await invited.goto("/admin/users"))?.status()).toBe(404);

  // The admin makes her an admin.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const user = page.locator(`#users-table tr[data-email="${email}"]`);
  await user.getByLabel("Nouveau rôle — Inès Garnier").selectOption("admin");
  await user.getByRole("button", { name: "Changer le rôle" }).click();
  await expect(page.locator("#done")).toHaveText("Inès Garnier\u00a0: le rôle est changé.");
  await expect(user).toContainText("Administrateur");
  await invited.goto("/admin/users");
  await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await context.close();

  // Every one of these actions is in the audit log, with before and after.
  await page.goto("/admin/audit?entityType=user");
  const entry = page.locator('#audit-log tr[data-action="user.update"]').first();
  await expect(entry).toContainText("Nadia Admin");
  await expect(entry.locator('[data-field="role"]')).toContainText("Agent du support");
  await expect(entry.locator('[data-field="role"]')).toContainText("Administrateur");
  await page.goto("/admin/audit?entityType=invitation");
  await expect(page.locator('#audit-log tr[data-action="invitation.resend"]').first()).toBeVisible();
  await expect(page.locator('#audit-log tr[data-action="invitation.create"]').first()).toContainText(email);
});

test("an invitation can be cancelled; the audit log filters by record", async ({ page }) => {
  const email = "temporaire@atelier-dupont.fr";
  await page.goto("/admin/invitations/new");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Nom", { exact: true }).fill("Compte temporaire");
  await page.getByLabel("Client", { exact: true }).check();
  // A customer needs an organization.
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.locator("#error-summary")).toContainText("Choisissez l’organisation du client.");
  await page.getByLabel("Organisation").selectOption({ label: "Atelier Dupont" });
  await page.getByLabel("Langue du compte et de l’e-mail").selectOption("en");
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.locator("#done")).toContainText(email);
  expect(lastMailTo(email)?.subject).toBe("Your invitation to Cirrus Shield Support");
  // Without an SMTP relay, staff read it in the development mailbox, link included.
  await page.getByRole("link", { name: "Boîte d’envoi (développement)" }).click();
  const mail = page.locator(`#mailbox li[data-to="${email}"]`).first();
  await expect(mail).toContainText("Your invitation to Cirrus Shield Support");
  await mail.locator("summary").click();
  await expect(mail.getByRole("link", { name: /\/invitation\?token=/ })).toBeVisible();

  await page.goto("/admin/invitations");
  const row = page.locator(`#invitations-table tr[data-email="${email}"]`);
  const id = (await row.getAttribute("data-invitation-id")) ?? "";
  await row.getByRole("button", { name: /^Annuler/ }).click();
  await expect(page.locator("#done")).toHaveText("L’invitation est annulée.");
  await expect(page.locator(`#invitations-table tr[data-email="${email}"]`)).toHaveCount(0);

  await page.goto("/admin/audit");
  await page.getByLabel("Type").selectOption("invitation");
  await page.getByLabel("Identifiant").fill(id);
  await page.getByRole("button", { name: "Filtrer" }).click();
  const entries = page.locator("#audit-log tbody tr");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Annulation de l’invitation");
  await expect(entries.last()).toContainText("Invitation");
});
