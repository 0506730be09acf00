/**
 * Who may enter the staff areas: a customer gets 404 on every agent and admin URL (page and form,
 * never content), an agent gets 404 on the administration, an anonymous visitor is sent to sign in —
 * and the API refuses the same calls on its side. Staff pages keep their Content-Security-Policy.
 */
import { apiCall, apiToken, env, expect, test, tokenOf } from "./support/test.ts";

const agentPaths = [
  "/agent",
  "/agent?view=mine",
  "/agent/requests/CS-000001",
  "/agent/dashboard",
  "/agent/dashboard?days=90",
  "/agent/canned-replies",
  "/agent/canned-replies/abc",
  "/agent/mailbox",
  "/staff",
];
const adminPaths = [
  "/admin",
  "/admin/organizations",
  "/admin/organizations/new",
  "/admin/users",
  "/admin/invitations",
  "/admin/invitations/new",
  "/admin/audit",
];

async function organizationId(name: string): Promise<string> {
  const orgs = await apiCall<{ items: Array<{ id: string; name: string }> }>(
    "GET",
    "/v1/admin/organizations?limit=100",
    { token: await apiToken("admin") },
  );
  return orgs.body.items.find((o) => o.name === name)?.id ?? "";
}

test.describe("a customer", () => {
  test.use({ account: "paying" });

  test("gets 404 on every agent and admin page, never their content", async ({ page }) => {
    const paths = [
      ...agentPaths,
      ...adminPaths,
      `/admin/organizations/${await organizationId("Transports Lefèvre")}`,
    ];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page introuvable");
      const text = (await page.locator("body").textContent()) ?? "";
      for (const staffOnly of [
        "File d’attente",
        "Transports Lefèvre",
        "Impossible d’accéder",
        "Administration",
        "Organisations",
      ]) {
        expect(text, `${path} shows "${staffOnly}"`).not.toContain(staffOnly);
      }
    }
  });

  test("gets 404 on the staff forms, which change nothing", async ({ page }) => {
    const before = await apiCall<{ messages: unknown[] }>("GET", "/v1/agent/requests/CS-000001", {
      token: await apiToken("agent"),
    });
    const posts: Array<[string, Record<string, string>]> = [
      ["/agent/requests/CS-000001", { intent: "reply", visibility: "internal", body: "intrusion" }],
      ["/agent/requests/CS-000001", { intent: "criticality", criticality: "minor", criticalityReason: "x" }],
      ["/agent/canned-replies", { title: "x", body: "x", locale: "fr" }],
      ["/admin/organizations/new", { name: "Organisation pirate", tier: "premium" }],
      ["/admin/invitations/new", { email: "pirate@exemple.fr", name: "Pirate", role: "admin", locale: "fr" }],
    ];
    for (const [path, form] of posts) {
      const response = await page.request.post(path, {
        form,
        headers: { origin: env.portalUrl },
        maxRedirects: 0,
      });
      expect(response.status(), path).toBe(404);
    }
    const after = await apiCall<{ messages: unknown[]; criticality: string }>(
      "GET",
      "/v1/agent/requests/CS-000001",
      {
        token: await apiToken("agent"),
      },
    );
    expect(after.body.messages).toHaveLength(before.body.messages.length);
    expect(after.body.criticality).toBe("critical");
    expect(await organizationId("Organisation pirate")).toBe("");
  });

  test("is refused by the API too", async () => {
    const token = tokenOf("paying");
    for (const path of [
      "/v1/agent/queue",
      "/v1/agent/requests/CS-000001",
      "/v1/agent/dashboard",
      "/v1/admin/organizations",
    ]) {
      const response = await apiCall("GET", path, { token });
      expect(response.status, path).toBe(403);
    }
  });
});

test.describe("an agent", () => {
  test.use({ account: "agent" });

  test("gets 404 on the administration, and has no link to it", async ({ page }) => {
    for (const path of adminPaths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    }
    await expect(
      page
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Administration" }),
    ).toHaveCount(0);
  });

  test("no staff page breaks its own Content-Security-Policy; personal pages are not cached", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of [
      "/agent",
      "/agent/requests/CS-000003",
      "/agent/dashboard",
      "/agent/canned-replies",
      "/agent/mailbox",
    ]) {
      const response = await page.goto(path);
      expect(response?.headers()["cache-control"], path).toBe("private, no-store");
      expect(response?.headers()["content-security-policy"], path).toContain("script-src 'self'");
    }
    await page.goto("/agent");
    await page.keyboard.press("j");
    expect(violations).toEqual([]);
  });
});

test.describe("an admin", () => {
  test.use({ account: "admin" });

  test("no admin page breaks its own Content-Security-Policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const org = await organizationId("Transports Lefèvre");
    for (const path of [...adminPaths, `/admin/organizations/${org}`]) {
      const response = await page.goto(path);
      expect(response?.ok(), path).toBe(true);
    }
    await page.goto("/admin/organizations/new");
    await page.getByLabel("Support Premium").check();
    expect(violations).toEqual([]);
  });
});

test("anonymous visitors are sent to sign in", async ({ page }) => {
  for (const path of ["/agent", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}$`));
  }
});
