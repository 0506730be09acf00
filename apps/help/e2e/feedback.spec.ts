// "Was this helpful?": the widget posts JSON to the API and thanks the reader. The API is not
// running here: a tiny real HTTP endpoint on loopback stands in for POST /v1/feedback (same
// contract, CORS for the help center's origin), and Playwright sends the built-in API URL there.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures.ts";

interface Recorded {
  method: string;
  origin: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** Validates a body against the API's contract; returns the problem, or null when valid. */
function problem(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return "not an object";
  const { article, locale, helpful, comment, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unknown keys ${Object.keys(rest).join(",")}`;
  if (typeof article !== "string" || !/^[a-z0-9/_-]+$/i.test(article) || article.length > 200)
    return "article";
  if (locale !== "fr" && locale !== "en") return "locale";
  if (typeof helpful !== "boolean") return "helpful";
  if (comment !== undefined && (typeof comment !== "string" || comment.length > 2000)) return "comment";
  return null;
}

async function startFeedbackApi(
  allowedOrigin: string,
): Promise<{ server: Server; url: string; calls: Recorded[] }> {
  const calls: Recorded[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = "";
      req.on("data", (chunk) => (text += chunk));
      req.on("end", () => done(text));
    });
  const server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    if (origin === allowedOrigin) res.setHeader("access-control-allow-origin", origin);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type",
      });
      res.end();
      return;
    }
    const text = await read(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    calls.push({ method: req.method ?? "", origin, contentType: req.headers["content-type"], body });
    const invalid = req.headers["content-type"]?.startsWith("application/json")
      ? problem(body)
      : "content type";
    if (origin !== allowedOrigin || invalid) {
      res.writeHead(invalid ? 422 : 403, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({ type: "about:blank", title: invalid ?? "cross-site", status: invalid ? 422 : 403 }),
      );
      return;
    }
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `fb_${calls.length}` }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

test.describe("feedback widget", () => {
  test("“Oui” posts helpful: true for the article and thanks the reader", async ({ page, baseUrl }) => {
    const api = await startFeedbackApi(baseUrl);
    try {
      await page.goto(`${baseUrl}/articles/delais-de-reponse/`);
      const action = await page.locator("form.cs-feedback").getAttribute("action");
      expect(action).toMatch(/\/v1\/feedback$/);
      await page.route(action ?? "", (route) => route.continue({ url: `${api.url}/v1/feedback` }));
      await page.getByRole("button", { name: "Oui" }).click();
      await expect(page.locator(".cs-feedback__status")).toHaveText("Merci pour votre avis\u202f!");
      const posts = api.calls.filter((c) => c.method === "POST");
      expect(posts).toHaveLength(1);
      expect(posts[0]).toEqual({
        method: "POST",
        origin: baseUrl,
        contentType: "application/json",
        body: { article: "fr/delais-de-reponse", locale: "fr", helpful: true },
      });
    } finally {
      api.server.close();
    }
  });

  test("“No” asks what was missing, then posts the comment", async ({ page, baseUrl }) => {
    const api = await startFeedbackApi(baseUrl);
    try {
      await page.goto(`${baseUrl}/en/articles/response-times/`);
      const action = (await page.locator("form.cs-feedback").getAttribute("action")) ?? "";
      await page.route(action, (route) => route.continue({ url: `${api.url}/v1/feedback` }));
      await page.getByRole("button", { name: "No" }).click();
      const comment = page.getByLabel("What could we improve? (optional)");
      await expect(comment).toBeFocused();
      await comment.fill("An example with a holiday on a Monday would help.");
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page.locator(".cs-feedback__status")).toHaveText("Thank you for your feedback!");
      expect(api.calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([
        {
          article: "en/response-times",
          locale: "en",
          helpful: false,
          comment: "An example with a holiday on a Monday would help.",
        },
      ]);
    } finally {
      api.server.close();
    }
  });

  test("when the API is unreachable the reader is still thanked", async ({ page, baseUrl }) => {
    // A port that was just free: nothing listens there, the connection is refused for real.
    const closed = await startFeedbackApi(baseUrl);
    const deadUrl = closed.url;
    await new Promise((done) => closed.server.close(done));
    await page.goto(`${baseUrl}/articles/choisir-la-criticite/`);
    const action = (await page.locator("form.cs-feedback").getAttribute("action")) ?? "";
    await page.route(action, (route) => route.continue({ url: `${deadUrl}/v1/feedback` }));
    await page.getByRole("button", { name: "Oui" }).click();
    await expect(page.locator(".cs-feedback__status")).toContainText(
      "Merci\u202f! Votre avis n’a pas pu être transmis",
    );
  });
});
