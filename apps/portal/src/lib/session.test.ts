// Unit tests of lib/session.ts: the cookie lives as long as the API session can (30 days from sign-in).
import { describe, expect, it } from "vitest";
import { cookieMaxAge, sessionAbsoluteLifetimeSeconds, sessionCookieName } from "./session.ts";

describe("cookieMaxAge", () => {
  const signedInAt = new Date("2026-01-01T10:00:00Z");

  it("is the absolute lifetime (30 days) at sign-in, not the 10-day inactivity expiry", () => {
    expect(sessionAbsoluteLifetimeSeconds).toBe(2_592_000);
    expect(cookieMaxAge(signedInAt, signedInAt)).toBe(2_592_000);
  });

  it("counts down from sign-in and never goes negative", () => {
    expect(cookieMaxAge(signedInAt, new Date("2026-01-11T10:00:00Z"))).toBe(20 * 86_400);
    expect(cookieMaxAge(signedInAt, new Date("2026-03-01T00:00:00Z"))).toBe(0);
  });

  it("never exceeds the lifetime, even with a clock that runs behind", () => {
    expect(cookieMaxAge(signedInAt, new Date("2025-12-31T10:00:00Z"))).toBe(2_592_000);
  });
});

describe("sessionCookieName", () => {
  it("uses the __Host- prefix in production", () => {
    expect(sessionCookieName(true)).toBe("__Host-cs_session");
    expect(sessionCookieName(false)).toBe("cs_session");
  });
});
