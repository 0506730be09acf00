/**
 * Attachments end to end, in real Chromium against the real stack: a customer attaches a
 * screenshot to a new request and sees its thumbnail; the agent downloads the very same bytes; a
 * file refused by content comes back with everything typed kept; internal notes' files stay
 * hidden from the customer; the plain file input works without JavaScript.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { env, expect, statePath, test } from "./support/test.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function pageAs(
  browser: Browser,
  account: "paying" | "agent",
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await browser.newContext({
    storageState: statePath(account),
    baseURL: env.portalUrl,
    javaScriptEnabled,
    locale: "fr-FR",
  });
  return context.newPage();
}

async function newRequest(page: Page, subject: string, body: string) {
  await page.goto("/requests/new");
  await page.getByLabel("Sujet").fill(subject);
  await page.getByLabel("Problème avec le produit (bug)").check();
  await page.getByLabel("Description").fill(body);
}

test("a customer attaches a screenshot, sees its thumbnail; the agent downloads the same bytes", async ({
  browser,
}) => {
  const customer = await pageAs(browser, "paying");
  // A real screenshot, taken by the browser itself.
  await customer.goto("/");
  const screenshot = await customer.screenshot();
  await newRequest(customer, "L’export plante", "Voir la capture d’écran jointe.");
  await customer.getByLabel("Pièces jointes").setInputFiles({
    name: "Capture d’écran 2026-11-26.png",
    mimeType: "image/png",
    buffer: screenshot,
  });
  // The enhanced field lists the chosen file with its size before anything is sent.
  await expect(customer.locator("[data-chosen]")).toContainText("Capture d’écran 2026-11-26.png");
  await customer.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(customer).toHaveURL(/\/requests\/CS-\d{6}\?done=created$/);
  const reference = /CS-\d{6}/.exec(customer.url())?.[0] ?? "";

  const file = customer.locator(".conversation .attachment").first();
  await expect(file).toContainText("Capture d’écran 2026-11-26.png");
  await expect(file).toContainText("Image PNG");
  const thumbnail = file.locator("img");
  await expect(thumbnail).toBeVisible();
  // The thumbnail really loaded (an image that failed has no natural width).
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await customer.screenshot({ path: "test-results/screenshots/attachment-customer.png", fullPage: true });

  const agent = await pageAs(browser, "agent");
  await agent.goto(`/agent/requests/${reference}`);
  const link = agent.locator(".attachment__name", { hasText: "Capture d’écran 2026-11-26.png" });
  const [download] = await Promise.all([agent.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Capture d’écran 2026-11-26.png");
  const received = await readFile((await download.path()) ?? "");
  expect(received.length).toBe(screenshot.length);
  expect(sha256(received)).toBe(sha256(screenshot));
  await agent.screenshot({ path: "test-results/screenshots/attachment-agent.png", fullPage: true });
  await agent.context().close();
  await customer.context().close();
});

test("a file refused by its content comes back with the text and the accepted file kept", async ({
  browser,
}) => {
  const customer = await pageAs(browser, "paying");
  await newRequest(customer, "Deux fichiers", "Un texte que je ne veux pas retaper.");
  const good = Buffer.from("date;erreur\n2026-11-26;timeout\n");
  await customer.getByLabel("Pièces jointes").setInputFiles([
    { name: "journal.csv", mimeType: "text/csv", buffer: good },
    // A Windows program renamed .png: the name passes the browser's check, the content does not.
    { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("MZ\x90\x00This program cannot be run") },
  ]);
  await customer.getByRole("button", { name: "Envoyer la demande" }).click();

  const summary = customer.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("« photo.png » n’a pas été joint : Type de fichier non accepté");
  await expect(customer.getByLabel("Sujet")).toHaveValue("Deux fichiers");
  await expect(customer.getByLabel("Description")).toHaveValue("Un texte que je ne veux pas retaper.");
  const kept = customer.locator(".file-field__kept");
  await expect(kept).toContainText("journal.csv");
  await expect(kept.getByRole("checkbox")).toBeChecked();
  await customer.screenshot({ path: "test-results/screenshots/attachment-refused.png", fullPage: true });

  await customer.getByLabel("Problème avec le produit (bug)").check();
  await customer.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(customer).toHaveURL(/\/requests\/CS-\d{6}\?done=created$/);
  await expect(customer.locator(".conversation .attachment")).toHaveCount(1);
  await expect(customer.locator(".conversation .attachment")).toContainText("journal.csv");
  await expect(customer.locator(".conversation .attachment img")).toHaveCount(0); // not an image
  await customer.context().close();
});

test("the browser checks type and size before sending anything", async ({ browser }) => {
  const customer = await pageAs(browser, "paying");
  await newRequest(customer, "Trop gros", "Texte.");
  const input = customer.getByLabel("Pièces jointes");
  await input.setInputFiles({
    name: "outil.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("MZ"),
  });
  const errors = customer.locator("[data-check-errors]");
  await expect(errors).toContainText("« outil.exe » : ce type de fichier n’est pas accepté.");
  await customer.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(customer).toHaveURL(/\/requests\/new$/); // nothing was posted
  await input.setInputFiles({
    name: "gros.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(11 * 1024 * 1024, 0x25),
  });
  await expect(errors).toContainText("« gros.pdf » dépasse 10\u00a0Mo.");
  await customer.context().close();
});

test("internal-note files stay with staff; without JavaScript the plain file input works", async ({
  browser,
}) => {
  const customer = await pageAs(browser, "paying", false);
  await newRequest(customer, "Sans JavaScript", "Pièce jointe envoyée sans script.");
  await customer.getByLabel("Pièces jointes").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Étapes : 1. ouvrir 2. exporter\n"),
  });
  await customer.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(customer).toHaveURL(/\/requests\/CS-\d{6}\?done=created$/);
  const reference = /CS-\d{6}/.exec(customer.url())?.[0] ?? "";
  await expect(customer.locator(".conversation .attachment")).toContainText("notes.txt");

  const agent = await pageAs(browser, "agent");
  await agent.goto(`/agent/requests/${reference}`);
  await agent.getByRole("radio", { name: "Note interne" }).check();
  await agent.getByLabel("Message", { exact: true }).fill("Analyse jointe, pour l’équipe.");
  await agent.getByLabel("Pièces jointes").setInputFiles({
    name: "analyse-interne.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n% interne\n"),
  });
  await agent.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(agent).toHaveURL(/done=noted/);
  const note = agent.locator(".attachment", { hasText: "analyse-interne.pdf" });
  await expect(note).toBeVisible();
  const href = (await note.locator(".attachment__name").getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/attachments\//);

  await customer.goto(`/requests/${reference}`);
  await expect(customer.locator(".conversation")).not.toContainText("analyse-interne.pdf");
  const direct = await customer.request.get(href);
  expect(direct.status()).toBe(404);
  await agent.context().close();
  await customer.context().close();
});
