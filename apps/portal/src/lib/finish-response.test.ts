// Unit tests of lib/finish-response.ts: security headers on every response, 503 when the API was unreachable.
import { describe, expect, it } from "vitest";
import { finishResponse } from "./finish-response.ts";
import { markApiUnavailable } from "./unavailable.ts";

const options = { helpOrigin: "http://localhost:4321", production: false };

describe("finishResponse", () => {
  it("adds the security headers to a response that never met the middleware (Astro's CSRF 403)", () => {
    const request = new Request("http://portal.test/login", { method: "POST" });
    const response = finishResponse(
      request,
      new Response("Cross-site POST form submissions are forbidden", { status: 403 }),
      false,
      options,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("keeps the headers a page set, and works on immutable responses (redirects)", () => {
    const request = new Request("http://portal.test/");
    const page = new Response("", { headers: { "content-security-policy": "default-src 'none'" } });
    expect(finishResponse(request, page, false, options).headers.get("content-security-policy")).toBe(
      "default-src 'none'",
    );
    const redirect = finishResponse(
      request,
      Response.redirect("http://portal.test/login", 303),
      false,
      options,
    );
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("http://portal.test/login");
    expect(redirect.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 503 with Retry-After, not cached, when the API was unreachable", async () => {
    const request = new Request("http://portal.test/agent");
    markApiUnavailable(request);
    const response = finishResponse(
      request,
      new Response("<h1>Indisponible</h1>", { status: 500 }),
      false,
      options,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("<h1>Indisponible</h1>");
  });

  it("leaves other errors at 500", () => {
    const response = finishResponse(
      new Request("http://portal.test/"),
      new Response("", { status: 500 }),
      false,
      options,
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
  });
});
