// Unit tests of lib/api.ts: what a server-side call sends, and how problems are read.
import { describe, expect, it } from "vitest";
import { apiHeaders, readProblem } from "./api.ts";

describe("apiHeaders", () => {
  it("sends the token, the page's language, the browser and its address — nothing else of the browser's", () => {
    const headers = apiHeaders({
      token: "id.secret",
      locale: "en",
      userAgent: "Mozilla/5.0",
      clientAddress: "203.0.113.7",
    });
    expect(headers).toEqual({
      authorization: "Bearer id.secret",
      "accept-language": "en",
      "user-agent": "Mozilla/5.0",
      "x-forwarded-for": "203.0.113.7",
    });
    for (const name of Object.keys(headers)) expect(name).not.toMatch(/^(origin|cookie|sec-fetch-)/);
  });

  it("sends no authorization when signed out", () => {
    expect(apiHeaders({ locale: "fr" })).toEqual({ "accept-language": "fr" });
  });
});

describe("readProblem", () => {
  it("reads a validation problem with its field errors", async () => {
    const response = new Response(
      JSON.stringify({
        code: "validation-failed",
        title: "Certains champs sont invalides.",
        status: 422,
        errors: [
          { field: "subject", code: "too-small", message: "Ce champ est obligatoire." },
          { nonsense: true },
        ],
      }),
      { status: 422, headers: { "content-type": "application/problem+json" } },
    );
    expect(await readProblem(response)).toEqual({
      status: 422,
      code: "validation-failed",
      title: "Certains champs sont invalides.",
      errors: [{ field: "subject", code: "too-small", message: "Ce champ est obligatoire." }],
    });
  });

  it("takes the wait from the body, else from Retry-After", async () => {
    const body = new Response(JSON.stringify({ code: "rate-limited", title: "T", retryAfterSeconds: 42 }), {
      status: 429,
    });
    expect((await readProblem(body)).retryAfterSeconds).toBe(42);
    const header = new Response(JSON.stringify({ code: "rate-limited", title: "T" }), {
      status: 429,
      headers: { "retry-after": "7" },
    });
    expect((await readProblem(header)).retryAfterSeconds).toBe(7);
  });

  it("survives a body that is not a problem", async () => {
    const problem = await readProblem(
      new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    expect(problem).toMatchObject({ status: 502, code: "http-502", errors: [] });
  });
});
