// Connection failures are recognized as "database unavailable" (a 503), not as a server fault.
import { describe, expect, it } from "vitest";
import { openDatabase } from "./connect.ts";
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from "./errors.ts";

describe("database errors", () => {
  it("a PostgreSQL server that is not there fails openDatabase fast, as unavailable", async () => {
    const started = Date.now();
    const error = await openDatabase("postgres://nobody@127.0.0.1:1/none").then(
      () => expect.fail("expected the connection to fail"),
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(String(error)).toMatch(/Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    expect(isDatabaseUnavailable((error as Error).cause)).toBe(true);
  });

  it("a query on a client whose connection already failed is unavailable (a restart mid-transaction)", () => {
    const error = new Error("Client has encountered a connection error and is not queryable");
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client was closed and is not queryable"))).toBe(true);
  });

  it("other errors are not mistaken for database errors", () => {
    for (const error of [new Error("boom"), "text", null, { code: "EPIPE" }]) {
      expect(isUniqueViolation(error)).toBe(false);
      expect(isForeignKeyViolation(error)).toBe(false);
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
