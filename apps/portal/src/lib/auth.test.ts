// Open redirects after sign-in: `?next=` (and the language switch's `next`) only ever leads to a path
// of this site; everything else falls back to the home page.
import { describe, expect, it } from "vitest";
import { loginUrl, safeNext } from "./auth.ts";

describe("safeNext", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNext("/requests?status=open")).toBe("/requests?status=open");
    expect(safeNext("/agent/requests/abc#m3")).toBe("/agent/requests/abc#m3");
  });

  it.each([
    ["absolute URL", "https://evil.example/"],
    ["protocol-relative", "//evil.example"],
    ["backslash trick", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["tab inside //", "/\t/evil.example"],
    ["newline inside //", "/\n/evil.example"],
    ["CR/LF (header splitting)", "/ok\r\nSet-Cookie: x=1"],
    ["relative path", "requests"],
    ["empty", ""],
    ["missing", null],
  ])("refuses %s", (_what, value) => {
    expect(safeNext(value)).toBe("/");
  });

  it("every accepted value resolves to this site's origin", () => {
    const base = "https://support.example.com";
    for (const value of ["/a", "/a/../../b", "/%2F%2Fevil.example", "/.//evil.example", "/@evil.example"]) {
      const next = safeNext(value);
      expect(new URL(next, base).origin).toBe(base);
    }
  });

  it("bounds its length", () => {
    expect(safeNext(`/${"a".repeat(2_000)}`)).toHaveLength(500);
  });
});

describe("loginUrl", () => {
  it("comes back to the current page, encoded, and only as a path", () => {
    expect(loginUrl(new URL("https://support.example.com/requests?status=open"))).toBe(
      "/login?next=%2Frequests%3Fstatus%3Dopen",
    );
    expect(loginUrl(new URL("https://support.example.com/"))).toBe("/login");
  });
});
