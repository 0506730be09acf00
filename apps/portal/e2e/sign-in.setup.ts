/**
 * Each demo tier signs in through the form and lands on its home page with its own plan
 * highlighted; staff land on the queue. The signed-in state is saved for the other tests (sign-in
 * is rate-limited).
 */
import { type AccountKey, accounts, expect, signIn, statePath, test } from "./support/test.ts";

const tiers: Array<{ account: AccountKey; name: string; plan: RegExp; column: RegExp }> = [
  {
    account: "free",
    name: "Julie Dupont",
    plan: /offre «\s*Version Gratuite\s*»/,
    column: /Version Gratuite/,
  },
  { account: "paying", name: "Marc Martin", plan: /offre «\s*Client Payant\s*»/, column: /Client Payant/ },
  { account: "payingDev", name: "Thomas Moreau", plan: /“Paying customer” plan/, column: /Paying customer/ },
  {
    account: "premium",
    name: "Claire Lefèvre",
    plan: /offre «\s*Support Premium\s*»/,
    column: /Support Premium/,
  },
];

for (const { account, name, plan, column } of tiers) {
  test(`${account} customer signs in and sees their plan`, async ({ page }) => {
    await signIn(page, accounts[account]);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.locator(".plan")).toContainText(plan);
    // The customer's own column of the domain table is highlighted.
    await expect(page.locator(".cs-support-table thead th.is-highlighted")).toHaveText(column);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "cs_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.path).toBe("/");
    await page.context().storageState({ path: statePath(account) });
  });
}

const staff: Array<{ account: AccountKey; name: string; admin: boolean }> = [
  { account: "agent", name: "Léa Moulin", admin: false },
  { account: "admin", name: "Nadia Admin", admin: true },
];

for (const { account, name, admin } of staff) {
  test(`${account} signs in and lands on the queue`, async ({ page }) => {
    await signIn(page, accounts[account]);
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("File d’attente");
    await expect(page.locator(".site-user")).toContainText(name);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav.getByRole("link", { name: "File d’attente" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Tableau de bord" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Administration" })).toHaveCount(admin ? 1 : 0);
    // Staff have no customer pages: the customer home sends them back to the queue.
    await page.goto("/");
    await expect(page).toHaveURL(/\/agent$/);
    await page.context().storageState({ path: statePath(account) });
  });
}
