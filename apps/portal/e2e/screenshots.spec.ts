/**
 * Screenshots of each main page at desktop (1280) and phone (360) width, for people to look at
 * (test-results/screenshots/). Each page is also checked for its heading, so a broken page fails.
 */
import { join } from "node:path";
import { portalDir } from "./support/stack.ts";
import { type AccountKey, expect, test } from "./support/test.ts";

const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } } as const;

interface Shot {
  name: string;
  account: AccountKey | null;
  path: string | ((page: import("@playwright/test").Page) => Promise<string>);
  heading: RegExp;
  /** Something to do on the page before the picture. */
  act?: (page: import("@playwright/test").Page) => Promise<void>;
}

const shots: Shot[] = [
  { name: "login", account: null, path: "/login", heading: /Connexion/ },
  { name: "home-paying", account: "paying", path: "/", heading: /Bonjour Marc/ },
  { name: "home-premium", account: "premium", path: "/", heading: /Bonjour Claire/ },
  { name: "home-free", account: "free", path: "/", heading: /Bonjour Julie/ },
  { name: "requests", account: "paying", path: "/requests?status=all", heading: /Mes demandes/ },
  { name: "new-request-premium", account: "premium", path: "/requests/new", heading: /Nouvelle demande/ },
  {
    name: "new-request-suggestions",
    account: "paying",
    path: "/requests/new",
    heading: /Nouvelle demande/,
    act: async (page) => {
      await page.getByLabel("Sujet").pressSequentially("mot de passe oublié", { delay: 20 });
      await expect(page.locator("#suggestions")).toBeVisible({ timeout: 10_000 });
    },
  },
  {
    name: "request-with-quote",
    account: "premium",
    path: async (page) => {
      await page.goto("/requests?status=all&category=custom-development");
      const href = await page
        .getByRole("link", { name: /Connecteur vers notre logiciel de transport/ })
        .getAttribute("href");
      return href ?? "/";
    },
    heading: /Connecteur vers notre logiciel de transport/,
  },
  { name: "quotes", account: "premium", path: "/quotes", heading: /Devis/ },
  { name: "account", account: "paying", path: "/account", heading: /Mon compte/ },
  { name: "home-english", account: "payingDev", path: "/", heading: /Hello Thomas/ },
  { name: "agent-queue", account: "agent", path: "/agent", heading: /File d’attente/ },
  {
    name: "agent-request-internal-note",
    account: "agent",
    // The demo's developer question has an internal note.
    path: async (page) => {
      await page.goto("/agent?q=pagination");
      return (await page.getByRole("link", { name: /API REST : pagination/ }).getAttribute("href")) ?? "/";
    },
    heading: /API REST : pagination/,
  },
  {
    name: "agent-request-quote",
    account: "agent",
    path: async (page) => {
      await page.goto("/agent?q=Connecteur%20vers%20notre%20logiciel");
      return (
        (await page.getByRole("link", { name: /Connecteur vers notre logiciel/ }).getAttribute("href")) ?? "/"
      );
    },
    heading: /Connecteur vers notre logiciel de transport/,
  },
  { name: "agent-dashboard", account: "agent", path: "/agent/dashboard", heading: /Tableau de bord/ },
  {
    name: "agent-dashboard-90",
    account: "agent",
    path: "/agent/dashboard?days=90",
    heading: /Tableau de bord/,
  },
  {
    name: "agent-canned-replies",
    account: "agent",
    path: "/agent/canned-replies",
    heading: /Réponses types/,
  },
  { name: "admin-organizations", account: "admin", path: "/admin/organizations", heading: /Administration/ },
  {
    name: "admin-organization",
    account: "admin",
    path: async (page) => {
      await page.goto("/admin/organizations?q=Transports");
      return (await page.getByRole("link", { name: "Transports Lefèvre" }).getAttribute("href")) ?? "/";
    },
    heading: /Transports Lefèvre/,
  },
  { name: "admin-users", account: "admin", path: "/admin/users", heading: /Administration/ },
  { name: "admin-invite", account: "admin", path: "/admin/invitations/new", heading: /Administration/ },
  { name: "admin-audit", account: "admin", path: "/admin/audit", heading: /Administration/ },
];

for (const shot of shots) {
  test.describe(shot.name, () => {
    test.use({ account: shot.account });
    for (const [device, viewport] of Object.entries(widths)) {
      test(`${shot.name} at ${device} width`, async ({ page }) => {
        await page.setViewportSize(viewport);
        const path = typeof shot.path === "string" ? shot.path : await shot.path(page);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(shot.heading);
        await shot.act?.(page);
        // Nothing wider than the screen (a horizontal scrollbar on a phone is a bug).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const file = (suffix = "") =>
          join(portalDir, "test-results", "screenshots", `${shot.name}-${device}${suffix}.png`);
        await page.screenshot({ path: file(), fullPage: true });
        // Long phone pages also in screen-sized parts, readable at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (device === "phone" && height > viewport.height * 1.5) {
          for (let part = 0; part * viewport.height < height && part < 6; part++) {
            const y = part * viewport.height;
            const clip = { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) };
            await page.screenshot({ path: file(`-part${part + 1}`), fullPage: true, clip });
          }
        }
      });
    }
  });
}
