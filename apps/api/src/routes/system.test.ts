// Cross-cutting behaviour: health, catalogue, feedback, problem responses, CSRF and headers, the OpenAPI document.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("health and catalogue", () => {
  it("reports health with the engine after a database round trip", async () => {
    const res = await t.call("GET", "/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", engine: t.engine });
  });

  it("publishes the support offer from the domain in French and English", async () => {
    const res = await t.call("GET", "/v1/catalogue");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      supportEmail: string;
      tiers: { id: string; slaTargetMinutes: number | null }[];
      options: { id: string; availability: Record<string, string> }[];
      criticalities: { id: string; label: { fr: string; en: string } }[];
      calendar: { opensAt: string; closesAt: string; holidays: { date: string }[] };
    };
    expect(body.supportEmail).toBe("support@cirrus-shield.com");
    expect(body.tiers.map((x) => [x.id, x.slaTargetMinutes])).toEqual([
      ["free", null],
      ["paying", 1080],
      ["premium", 540],
    ]);
    expect(body.options.find((o) => o.id === "developer-support")?.availability).toEqual({
      free: "no",
      paying: "add-on",
      premium: "included",
    });
    expect(body.criticalities.map((c) => c.label.fr)).toEqual(["Critique", "Majeure", "Mineure"]);
    expect([body.calendar.opensAt, body.calendar.closesAt]).toEqual(["09:00", "18:00"]);
    expect(body.calendar.holidays).toHaveLength(22);
  });
});

describe("feedback", () => {
  it("records helpful yes/no with an optional comment", async () => {
    const res = await t.call("POST", "/v1/feedback", {
      json: { article: "fr/support-offer", locale: "fr", helpful: true, comment: "Clair." },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const row = await t.db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ article: "fr/support-offer", helpful: 1, comment: "Clair." });
  });

  it("is rate-limited per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push(
        (
          await t.call("POST", "/v1/feedback", {
            json: { article: "en/sla", locale: "en", helpful: false },
            headers: { "x-forwarded-for": "192.0.2.7" },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("errors are problems", () => {
  it("unknown routes answer a localized not-found problem", async () => {
    const fr = await t.call("GET", "/v1/nothing-here");
    expect(fr.status).toBe(404);
    expect(fr.headers.get("content-type")).toContain("application/problem+json");
    expect(await fr.json()).toMatchObject({ code: "not-found", title: "Introuvable." });
    const en = await t.call("GET", "/v1/nothing-here", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(((await en.json()) as { title: string }).title).toBe("Not found.");
  });

  it("malformed JSON is a 400 invalid-json problem", async () => {
    const res = await t.call("POST", "/v1/feedback", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("invalid-json");
  });

  it("bodies over the limit are a 413 problem", async () => {
    const res = await t.call("POST", "/v1/feedback", {
      json: { article: "a", locale: "fr", helpful: true, comment: "x".repeat(300_000) },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload-too-large");
  });
});

describe("CORS for the help center's feedback widget", () => {
  it("answers the preflight and the POST for the help center's origin only", async () => {
    const preflight = await t.call("OPTIONS", "/v1/feedback", {
      headers: {
        origin: "http://localhost:4321",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:4321");
    const post = await t.call("POST", "/v1/feedback", {
      json: { article: "fr/sla", locale: "fr", helpful: true },
      headers: {
        origin: "http://localhost:4321",
        "sec-fetch-site": "same-site",
        "x-forwarded-for": "192.0.2.77",
      },
    });
    expect(post.status).toBe(201);
    expect(post.headers.get("access-control-allow-origin")).toBe("http://localhost:4321");
    const evil = await t.call("OPTIONS", "/v1/feedback", {
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const elsewhere = await t.call("OPTIONS", "/v1/requests", {
      headers: { origin: "http://localhost:4321", "access-control-request-method": "POST" },
    });
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CSRF and headers", () => {
  it("refuses cross-site state changes and accepts same-origin and trusted origins", async () => {
    const json = { article: "fr/x", locale: "fr", helpful: true };
    const cross = await t.call("POST", "/v1/feedback", {
      json,
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as { code: string }).code).toBe("csrf-rejected");
    const badOrigin = await t.call("POST", "/v1/feedback", {
      json,
      headers: { origin: "https://evil.example" },
    });
    expect(badOrigin.status).toBe(403);
    const portal = await t.call("POST", "/v1/feedback", {
      json,
      headers: {
        "sec-fetch-site": "same-site",
        origin: "http://localhost:4322",
        "x-forwarded-for": "192.0.2.8",
      },
    });
    expect(portal.status).toBe(201);
    const sameOrigin = await t.call("POST", "/v1/feedback", {
      json,
      headers: { "sec-fetch-site": "same-origin", "x-forwarded-for": "192.0.2.9" },
    });
    expect(sameOrigin.status).toBe(201);
    // Reads are never blocked.
    expect(
      (await t.call("GET", "/v1/catalogue", { headers: { "sec-fetch-site": "cross-site" } })).status,
    ).toBe(200);
  });

  it("sets the security headers on every kind of answer: JSON, problems, empty, signed-in", async () => {
    const organization = await t.organization("premium");
    const customer = await t.user("customer", organization.id);
    const answers = {
      json: await t.call("GET", "/v1/catalogue"),
      signedIn: await t.call("GET", "/v1/me", { token: customer.token }),
      unauthenticated: await t.call("GET", "/v1/me"),
      notFound: await t.call("GET", "/v1/nothing-here"),
      invalid: await t.call("GET", "/v1/requests?limit=0", { token: customer.token }),
      empty: await t.call("POST", "/v1/auth/logout", {
        token: (await t.user("customer", organization.id)).token,
      }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      json: 200,
      signedIn: 200,
      unauthenticated: 401,
      notFound: 404,
      invalid: 422,
      empty: 204,
    });
    for (const [kind, res] of Object.entries(answers)) {
      expect(res.headers.get("x-content-type-options"), kind).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), kind).toBe("DENY");
      expect(res.headers.get("referrer-policy"), kind).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy"), kind).toBe("same-origin");
      expect(res.headers.get("cross-origin-resource-policy"), kind).toBe("same-origin");
      expect(res.headers.get("content-security-policy"), kind).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers.get("x-request-id"), kind).toMatch(/.+/);
    }
    expect(answers.unauthenticated.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(answers.unauthenticated.headers.get("www-authenticate")).toBe("Bearer");
    // What a signed-in caller reads is never kept by a shared cache; public answers may be.
    expect(answers.signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(answers.invalid.headers.get("cache-control")).toBe("private, no-store");
    expect(answers.json.headers.get("cache-control")).not.toBe("private, no-store");
  });

  it("sets security headers, a request id, and no CORS allowance", async () => {
    const res = await t.call("GET", "/health", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("x-request-id")).toMatch(/.+/);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("OpenAPI document and reference", () => {
  it("serves a document that passes an independent OpenAPI 3.1 validator", async () => {
    const res = await t.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-access"?: string }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item))
        expect(op["x-access"], `${method} ${path}`).toBeDefined();
    }
  });

  it("serves an HTML reference that needs no script and no CDN", async () => {
    const res = await t.call("GET", "/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/v1/requests");
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i);
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'",
    );
    const css = await t.call("GET", "/docs/style.css");
    expect(css.headers.get("content-type")).toContain("text/css");
  });
});
