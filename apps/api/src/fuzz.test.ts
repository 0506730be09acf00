/**
 * Bad input never produces a 500: random JSON, wrong types, huge strings, unknown ids, odd query
 * strings and malformed tokens thrown at every route of the OpenAPI document, as every kind of
 * caller. Every answer must be < 500 and, when an error, an `application/problem+json`.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRequest } from "./commands/requests.ts";
import { type Actor, createTestApp, type TestApp, testConfig } from "./test-support/app.ts";

let t: TestApp;
let callers: Array<Actor | null>;
let requestId: string;
beforeAll(async () => {
  t = await createTestApp();
  const org = await t.organization("premium");
  const customer = await t.user("customer", org.id);
  callers = [null, customer, await t.user("agent"), await t.user("admin")];
  requestId = (
    await openRequest(
      t.db,
      customer.user,
      { subject: "Fuzz", category: "bug", body: "b" },
      t.clock.now(),
      testConfig,
    )
  ).id;
});
afterAll(() => t.close());

const printable = fc.string({
  unit: fc.constantFrom(..."abcXYZ019-._~%/:?#[]@!$&'()*+,;= <>\"{}|\\^`"),
  maxLength: 80,
});
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "null",
    "\u0000",
    "a\u0000b",
    "%00",
    "CS-000000",
    "CS-999999999",
    "../../etc/passwd",
    "%00",
    "é",
    "🙂",
    "a".repeat(5_000),
  ),
  fc.integer().map(String),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      "email",
      "password",
      "subject",
      "category",
      "body",
      "criticality",
      "status",
      "reason",
      "amountCents",
      "effortDays",
      "validUntil",
      "terms",
      "name",
      "tier",
      "addOns",
      "role",
      "locale",
      "organizationId",
      "assigneeId",
      "visibility",
      "token",
      "helpful",
      "article",
      "comment",
      "currentPassword",
      "newPassword",
      "linkedRequestId",
      "title",
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("x".repeat(100_000), "A\u0000B", "\u0000"),
      fc.double(),
      fc.constant(null),
    ),
  ),
);
const token = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[ -~]{0,120}$/),
  fc.constantFrom("a.b", ".", "x.", ".y"),
);

async function operations() {
  const doc = (await (await t.call("GET", "/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

describe("fuzzing every route", () => {
  it("never answers 5xx, and errors are problems", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            caller: fc.integer({ min: 0, max: 3 }),
            params: fc.array(fc.oneof(nasty, fc.constant(requestId)), { minLength: 3, maxLength: 3 }),
            query: fc.array(
              fc.tuple(
                fc.constantFrom(
                  "status",
                  "category",
                  "q",
                  "limit",
                  "cursor",
                  "sort",
                  "offset",
                  "view",
                  "tier",
                  "breached",
                  "role",
                  "days",
                  "entityType",
                  "entityId",
                ),
                printable,
              ),
              { maxLength: 4 },
            ),
            body: fc.oneof(
              jsonValue.map((v) => JSON.stringify(v)),
              fc.string({ maxLength: 200 }),
              fc.constant(undefined),
            ),
            contentType: fc.constantFrom(
              "application/json",
              "text/plain",
              "application/x-www-form-urlencoded",
              undefined,
            ),
            badToken: token,
            useBadToken: fc.boolean(),
          }),
          async (input) => {
            let i = 0;
            const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(input.params[i++] ?? ""));
            const search = new URLSearchParams(input.query).toString();
            const caller = callers[input.caller];
            const headers: Record<string, string> = {};
            if (input.contentType) headers["content-type"] = input.contentType;
            const res = await t.call(op.method, search ? `${path}?${search}` : path, {
              token: input.useBadToken ? input.badToken : caller?.token,
              headers,
              ...(input.body !== undefined && op.method !== "GET" ? { body: input.body } : {}),
            });
            if (res.status >= 500) failures.push(`${op.method} ${path} → ${res.status}: ${await res.text()}`);
            else if (
              res.status >= 400 &&
              !res.headers.get("content-type")?.includes("application/problem+json")
            ) {
              failures.push(`${op.method} ${path} → ${res.status} without problem+json`);
            }
            return true;
          },
        ),
        { numRuns: 25, seed: 20261126 },
      );
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 300_000);
});
