/**
 * Security of the portal as a browser and an attacker see it: headers and Content-Security-Policy,
 * CSRF (Astro's origin check, also behind a reverse proxy), caching of personal pages, cookies.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { freePort, portalDir } from "./support/stack.ts";
import { accounts, env, expect, openRequestAs, password, test } from "./support/test.ts";

test("pages send security headers and a strict Content-Security-Policy", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain(env.helpUrl);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
});

test.describe("signed in", () => {
  test.use({ account: "paying" });

  test("only the new-request page lets the help center's search in; personal pages are not cached", async ({
    page,
  }) => {
    const home = await page.goto("/");
    expect(home?.headers()["cache-control"]).toBe("private, no-store");
    expect(home?.headers()["content-security-policy"]).not.toContain(env.helpUrl);
    const form = await page.goto("/requests/new");
    const csp = form?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(new RegExp(`script-src 'self' ${env.helpUrl} 'wasm-unsafe-eval'`));
    expect(csp).toContain(`connect-src 'self' ${env.helpUrl}`);
  });

  test("no page breaks its own Content-Security-Policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/", "/requests", "/requests/new", "/quotes", "/account"]) await page.goto(path);
    await page.goto("/requests/new");
    await page.getByLabel("Sujet").pressSequentially("mot de passe", { delay: 20 });
    await expect(page.locator("#suggestions")).toBeVisible({ timeout: 10_000 });
    expect(violations).toEqual([]);
  });

  test("a form posted from another site is refused (CSRF) and changes nothing", async ({ page }) => {
    const { reference } = await openRequestAs("paying", {
      subject: "Cible CSRF",
      category: "usage-question",
      body: "x",
    });
    const foreign = await page.request.post(`/requests/${reference}`, {
      form: { intent: "close" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);
    // Astro's refusal carries the portal's security headers too (src/fetch.ts).
    expect(foreign.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(foreign.headers()["x-frame-options"]).toBe("DENY");
    expect(foreign.headers()["x-content-type-options"]).toBe("nosniff");
    const noOrigin = await page.request.post(`/requests/${reference}`, {
      form: { intent: "close" },
      maxRedirects: 0,
    });
    expect(noOrigin.status()).toBe(403);
    await page.goto(`/requests/${reference}`);
    await expect(page.locator(".page-head .badge")).toHaveText("Nouvelle");
    // Astro actions are not used: nothing answers there.
    const action = await page.request.post("/_actions/anything", {
      headers: { origin: env.portalUrl },
      data: {},
    });
    expect(action.status()).toBe(404);
  });
});

/** Every page or endpoint of the portal that handles a POST, as a URL (dynamic parts filled in). */
function postRoutes(): string[] {
  const pagesDir = join(portalDir, "src", "pages");
  return readdirSync(pagesDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(astro|ts)$/.test(file))
    .filter((file) => /method === "POST"|export const POST/.test(readFileSync(join(pagesDir, file), "utf8")))
    .map((file) =>
      `/${file}`
        .replace(/\\/g, "/")
        .replace(/\.(astro|ts)$/, "")
        .replace(/\/index$/, "")
        .replace(/\[(\w+)\]/g, (_, name: string) => (name === "reference" ? "CS-000001" : "x1")),
    )
    .sort();
}

test("every form of the portal refuses a post from another site, urlencoded or multipart (CSRF)", async ({
  request,
}) => {
  const routes = postRoutes();
  // The list comes from the source tree: a new form is covered without editing this test.
  expect(routes).toContain("/requests/new");
  expect(routes).toContain("/agent/requests/CS-000001");
  expect(routes.length).toBeGreaterThanOrEqual(19);
  const refused: string[] = [];
  for (const route of routes) {
    for (const body of [
      { form: { intent: "close", subject: "x" } },
      {
        multipart: {
          intent: "reply",
          files: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("x") },
        },
      },
    ]) {
      const response = await request.post(route, {
        ...body,
        headers: { origin: "https://evil.example" },
        maxRedirects: 0,
      });
      if (response.status() !== 403) refused.push(`${route}: ${response.status()}`);
    }
  }
  expect(refused).toEqual([]);
});

test("the sign-in form refuses a foreign origin too (login CSRF)", async ({ request }) => {
  const response = await request.post("/login", {
    form: { email: accounts.paying, password },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("an unreachable API gives the error page with 503, Retry-After and the security headers", async () => {
  const [port, deadApi] = await Promise.all([freePort(), freePort()]);
  const server = spawn(process.execPath, [join(portalDir, "dist", "server", "entry.mjs")], {
    env: {
      ...process.env,
      API_URL: `http://127.0.0.1:${deadApi}`,
      HELP_URL: env.helpUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await new Promise<void>((done, fail) => {
      server.stdout.on("data", (chunk: Buffer) => /listening/i.test(String(chunk)) && done());
      server.once("exit", (code) => fail(new Error(`portal exited ${code}`)));
    });
    // A signed-in visitor (any well-formed token): the portal must ask the API who it is.
    for (const path of ["/", "/agent"]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { cookie: "cs_session=abcdef.ghijkl" },
        redirect: "manual",
      });
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after")).toBe("10");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.text()).toContain("Le service est momentanément indisponible");
    }
    // Signing in says so next to the form, with the e-mail kept.
    const login = await fetch(`http://127.0.0.1:${port}/login`, {
      method: "POST",
      headers: { origin: `http://127.0.0.1:${port}`, "content-type": "application/x-www-form-urlencoded" },
      body: "email=marc%40boulangerie-martin.fr&password=x",
      redirect: "manual",
    });
    expect(login.status).toBe(503);
    expect(await login.text()).toContain("marc@boulangerie-martin.fr");
  } finally {
    server.kill("SIGTERM");
  }
});

/** A raw HTTP POST, so the test controls Host and X-Forwarded-* as a reverse proxy would send them. */
function post(port: number, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (done, fail) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers }));
        },
      );
      req.on("error", fail);
      req.end(body);
    },
  );
}

test("behind a reverse proxy, the public origin listed at build time passes the origin check", async () => {
  test.setTimeout(120_000);
  // Inside the package, so the built server resolves the portal's node_modules.
  const outDir = join(portalDir, "test-results", "proxied-build");
  rmSync(outDir, { recursive: true, force: true });
  const publicOrigin = "https://support.example.test";
  const build = spawnSync(
    process.execPath,
    [join(portalDir, "node_modules", "astro", "bin", "astro.mjs"), "build"],
    {
      cwd: portalDir,
      env: { ...process.env, PORTAL_ALLOWED_DOMAINS: publicOrigin, PORTAL_OUT_DIR: outDir },
      encoding: "utf8",
    },
  );
  expect(build.status, build.stderr || build.stdout).toBe(0);
  const port = await freePort();
  const server = spawn(process.execPath, [join(outDir, "server", "entry.mjs")], {
    env: {
      ...process.env,
      API_URL: env.apiUrl,
      HELP_URL: env.helpUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await new Promise<void>((done, fail) => {
      server.stdout.on("data", (chunk: Buffer) => /listening/i.test(String(chunk)) && done());
      server.once("exit", (code) => fail(new Error(`proxied portal exited ${code}`)));
    });
    const form = `email=${encodeURIComponent(accounts.admin)}&password=${encodeURIComponent(password)}`;
    const proxied = {
      host: `127.0.0.1:${port}`,
      "x-forwarded-proto": "https",
      "x-forwarded-host": "support.example.test",
    };

    // What the proxy forwards from the public site: accepted, and the production cookie is __Host- and Secure.
    const ok = await post(port, "/login", { ...proxied, origin: publicOrigin }, form);
    expect(ok.status).toBe(303);
    const cookie = String(ok.headers["set-cookie"] ?? "");
    expect(cookie).toMatch(/^__Host-cs_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/);

    // Another site's form through the same proxy: refused.
    expect((await post(port, "/login", { ...proxied, origin: "https://evil.example" }, form)).status).toBe(
      403,
    );
    // A forwarded host that is not listed is not trusted.
    expect(
      (
        await post(
          port,
          "/login",
          { ...proxied, "x-forwarded-host": "evil.example", origin: "https://evil.example" },
          form,
        )
      ).status,
    ).toBe(403);
    // Without the allowed domains (the default build), the proxied public origin would be refused:
    // this is why PORTAL_ALLOWED_DOMAINS must be set at build time behind a proxy (README).
    const defaultPort = Number(new URL(env.portalUrl).port);
    expect(
      (
        await post(
          defaultPort,
          "/login",
          { ...proxied, host: `127.0.0.1:${defaultPort}`, origin: publicOrigin },
          form,
        )
      ).status,
    ).toBe(403);
  } finally {
    server.kill("SIGTERM");
    rmSync(outDir, { recursive: true, force: true });
  }
});
