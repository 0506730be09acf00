import { describe, expect, it } from "vitest";
import { DomainError, IllegalTransitionError } from "./errors.ts";

describe("DomainError", () => {
  it("carries a stable code, a message and details", () => {
    const error = new DomainError("not-entitled", "no access", { tier: "free" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("not-entitled");
    expect(error.message).toBe("no access");
    expect(error.details).toEqual({ tier: "free" });
    expect(new DomainError("invalid-date", "bad").details).toEqual({});
  });
});

describe("IllegalTransitionError", () => {
  it("is a DomainError with code illegal-transition and the move in its details", () => {
    const error = new IllegalTransitionError("quote", "accepted", "declined", "customer");
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe("IllegalTransitionError");
    expect(error.code).toBe("illegal-transition");
    expect(error.details).toEqual({ machine: "quote", from: "accepted", to: "declined", actor: "customer" });
    expect(error.message).toContain("accepted");
    expect(error.message).toContain("declined");
  });
});
