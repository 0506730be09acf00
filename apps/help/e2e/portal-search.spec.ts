// The portal's "new request" form suggests help articles while the customer types: it imports the
// help center's Pagefind bundle from another origin. This serves a minimal "portal" page on its own
// loopback origin and checks the documented integration end to end (CORS included).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { distDir } from "../scripts/dist-dir.ts";
import { createStaticServer } from "../scripts/static-server.ts";
import { searchRanking } from "../src/client/ranking.ts";
import { expect, test } from "./fixtures.ts";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const portalPage = (lang: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Portal</title></head><body><p>portal</p></body></html>`;

test.describe("search served to the portal", () => {
  let portal: Server;
  let help: Server;
  let portalUrl: string;
  let helpUrl: string;

  test.beforeAll(async () => {
    portal = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(portalPage(req.url?.startsWith("/en") ? "en" : "fr"));
    });
    portalUrl = await listen(portal);
    help = await createStaticServer({ root: distDir(), corsOrigins: [portalUrl], connectOrigins: [] });
    helpUrl = await listen(help);
  });
  test.afterAll(() => {
    portal.close();
    help.close();
  });

  for (const [lang, query, expected] of [
    ["fr", "mot de passe", "/articles/invitation-et-mot-de-passe/"],
    ["en", "quote", "/en/articles/request-a-custom-development-quote/"],
  ] as const) {
    test(`a ${lang} portal page finds “${query}” with absolute article URLs`, async ({ page }) => {
      await page.goto(`${portalUrl}/${lang === "en" ? "en/" : ""}requests/new`);
      const bundle = `${helpUrl}${lang === "en" ? "/en" : ""}/pagefind/pagefind.js`;
      const hits = await page.evaluate(
        async ([bundleUrl, q, ranking]) => {
          const pagefind = await import(bundleUrl);
          await pagefind.options({ noWorker: true, ranking });
          await pagefind.init();
          const search = await pagefind.search(q, { filters: {} });
          const data = await Promise.all(
            search.results.slice(0, 3).map((r: { data(): Promise<unknown> }) => r.data()),
          );
          return data as { url: string; meta: { title: string; description: string; category: string } }[];
        },
        [bundle, query, searchRanking] as const,
      );
      expect(hits[0]?.url).toBe(`${helpUrl}${expected}`);
      expect(hits[0]?.meta.title.length).toBeGreaterThan(0);
      expect(hits[0]?.meta.description.length).toBeGreaterThan(0);
    });
  }

  test("the bundle answers CORS only for allowed origins", async ({ request }) => {
    const allowed = await request.get(`${helpUrl}/pagefind/pagefind-entry.json`, {
      headers: { origin: portalUrl },
    });
    expect(allowed.headers()["access-control-allow-origin"]).toBe(portalUrl);
    const other = await request.get(`${helpUrl}/pagefind/pagefind-entry.json`, {
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers()["access-control-allow-origin"]).toBeUndefined();
    const page = await request.get(`${helpUrl}/articles/delais-de-reponse/`, {
      headers: { origin: portalUrl },
    });
    expect(page.headers()["access-control-allow-origin"]).toBeUndefined();
  });

  test("filters by category", async ({ page }) => {
    await page.goto(`${portalUrl}/requests/new`);
    const categories = await page.evaluate(
      async ([bundleUrl, ranking]) => {
        const pagefind = await import(bundleUrl);
        await pagefind.options({ noWorker: true, ranking });
        const search = await pagefind.search("demande", { filters: { category: "account" } });
        const data = await Promise.all(
          search.results.map((r: { data(): Promise<{ meta: { category: string } }> }) => r.data()),
        );
        return data.map((d) => d.meta.category);
      },
      [`${helpUrl}/pagefind/pagefind.js`, searchRanking] as const,
    );
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(["Votre compte"]));
  });
});
