/**
 * Stored XSS, everywhere people write: an organization and a user name, a request's subject and
 * message, a file name, an agent's reply and status reason, quote terms, a canned reply. Each field
 * holds markup that would set `window.__xss` (or open a dialog) if it ever ran; every page that shows
 * it is loaded in Chromium, must show the text as text, and must run none of it.
 */
import type { Page } from "@playwright/test";
import { apiCall, apiToken, env, expect, lastMailTo, signIn, statePath, test } from "./support/test.ts";

const payload = (field: string) =>
  `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>"'><svg onload=alert('${field}')>`;

/** Loads a page and fails on any script the payloads would run; returns the page's text. */
async function visit(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
  return (await page.locator("body").textContent()) ?? "";
}

test("markup written in any field is shown as text and never runs, on every page that shows it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await apiToken("admin");
  const agent = await apiToken("agent");
  const stamp = Date.now().toString(36);

  // An organization and a customer, both named with markup (through the admin API and an invitation).
  const org = await apiCall<{ id: string }>("POST", "/v1/admin/organizations", {
    token: admin,
    body: { name: `${payload("org")} ${stamp}`, tier: "premium" },
  });
  expect(org.status).toBe(201);
  const email = `xss-${stamp}@example.test`;
  const invited = await apiCall("POST", "/v1/admin/invitations", {
    token: admin,
    body: { email, name: payload("user"), role: "customer", organizationId: org.body.id, locale: "fr" },
  });
  expect(invited.status).toBe(201);
  // A second invitation stays pending: the invitations page lists it.
  const pending = await apiCall("POST", "/v1/admin/invitations", {
    token: admin,
    body: {
      email: `xss-pending-${stamp}@example.test`,
      name: payload("invitee"),
      role: "customer",
      organizationId: org.body.id,
      locale: "fr",
    },
  });
  expect(pending.status).toBe(201);
  const token = /invitation\?token=([\w.-]+)/.exec(lastMailTo(email)?.text ?? "")?.[1] ?? "";
  const customerPassword = "un mot de passe assez long";
  expect(
    (await apiCall("POST", `/v1/invitations/${token}/accept`, { body: { password: customerPassword } }))
      .status,
  ).toBe(201);
  const login = await apiCall<{ token: string }>("POST", "/v1/auth/login", {
    body: { email, password: customerPassword },
  });
  const customer = login.body.token;

  // A file whose name is markup (the API keeps only what follows the last "/" of a name), attached to a request whose subject and message are markup.
  const form = new FormData();
  form.append("files", new Blob(["notes"], { type: "text/plain" }), `${payload("file")}.txt`);
  const upload = await fetch(`${env.apiUrl}/v1/attachments`, {
    method: "POST",
    headers: { authorization: `Bearer ${customer}` },
    body: form,
  });
  expect(upload.status).toBe(201);
  const [file] = ((await upload.json()) as { items: { id: string }[] }).items;
  const request = await apiCall<{ id: string; reference: string }>("POST", "/v1/requests", {
    token: customer,
    body: {
      subject: payload("subject"),
      body: payload("body"),
      category: "usage-question",
      criticality: "minor",
      attachmentIds: [file?.id],
    },
  });
  expect(request.status).toBe(201);
  const quoteRequest = await apiCall<{ id: string; reference: string }>("POST", "/v1/requests", {
    token: customer,
    body: { subject: "Connecteur", body: payload("need"), category: "custom-development" },
  });
  expect(quoteRequest.status).toBe(201);

  // The agent replies, changes the status with a reason, proposes a quote, saves a canned reply.
  const reply = await apiCall("POST", `/v1/agent/requests/${request.body.id}/messages`, {
    token: agent,
    body: {
      body: payload("reply"),
      visibility: "public",
      status: "waiting-on-customer",
      reason: payload("reason"),
    },
  });
  expect(reply.status).toBe(201);
  const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const quote = await apiCall<{ id: string }>("POST", `/v1/agent/requests/${quoteRequest.body.id}/quotes`, {
    token: agent,
    body: { amountCents: 120_000, effortDays: 2, validUntil, terms: payload("terms") },
  });
  expect(quote.status).toBe(201);
  const canned = await apiCall("POST", "/v1/agent/canned-replies", {
    token: agent,
    body: {
      // Titles are at most 120 characters: the shorter markup.
      title: `<img src=x onerror="window.__xss='canned'"> ${stamp}`,
      body: payload("canned-body"),
      locale: "fr",
    },
  });
  expect(canned.status).toBe(201);

  const dialogs: string[] = [];
  const watch = (page: Page) =>
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

  // The customer's pages.
  const customerPage = await (await browser.newContext({ baseURL: env.portalUrl })).newPage();
  watch(customerPage);
  await signIn(customerPage, email, customerPassword);
  expect(await visit(customerPage, "/")).toContain("window.__xss='subject'");
  expect(await visit(customerPage, "/requests")).toContain("window.__xss='subject'");
  const detail = await visit(customerPage, `/requests/${request.body.reference}`);
  for (const field of ["subject", "body", "file", "reply", "user"])
    expect(detail).toContain(`alert('${field}')`);
  expect(await visit(customerPage, `/requests/${quoteRequest.body.reference}`)).toContain(
    "window.__xss='terms'",
  );
  expect(
    await visit(customerPage, `/requests/${quoteRequest.body.reference}/quotes/${quote.body.id}`),
  ).toContain("window.__xss='terms'");
  expect(await visit(customerPage, "/account")).toContain("window.__xss='user'");

  // The agent's and the admin's pages.
  const staffPage = await (
    await browser.newContext({ baseURL: env.portalUrl, storageState: statePath("admin") })
  ).newPage();
  watch(staffPage);
  expect(await visit(staffPage, "/agent")).toContain("window.__xss='subject'");
  const agentDetail = await visit(staffPage, `/agent/requests/${request.body.reference}`);
  for (const field of ["subject", "body", "file", "reply", "reason", "org", "user"])
    expect(agentDetail).toContain(`alert('${field}')`);
  expect(await visit(staffPage, `/agent/requests/${quoteRequest.body.reference}`)).toContain(
    "window.__xss='terms'",
  );
  expect(await visit(staffPage, "/agent/canned-replies")).toContain("window.__xss='canned'");
  expect(await visit(staffPage, "/agent/mailbox")).toContain("window.__xss='subject'");
  expect(await visit(staffPage, "/admin/organizations")).toContain("window.__xss='org'");
  expect(await visit(staffPage, `/admin/organizations/${org.body.id}`)).toContain("window.__xss='user'");
  expect(await visit(staffPage, "/admin/users")).toContain("window.__xss='user'");
  expect(await visit(staffPage, "/admin/invitations")).toContain("window.__xss='invitee'");
  expect(await visit(staffPage, "/admin/audit")).toContain("window.__xss='org'");

  expect(dialogs).toEqual([]);
  await customerPage.context().close();
  await staffPage.context().close();
});
