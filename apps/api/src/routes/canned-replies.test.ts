// Canned replies over a real database: create, list by title, change, delete, validation, 404 and staff-only access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, createTestApp, type TestApp } from "../test-support/app.ts";

let t: TestApp;
let agent: Actor;
let admin: Actor;
let customer: Actor;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.user("agent");
  admin = await t.user("admin");
  customer = await t.user("customer", (await t.organization("premium")).id);
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = any;

async function call(method: string, path: string, json?: unknown, token = agent.token) {
  const res = await t.call(method, path, { token, json });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : null) as Json,
    type: res.headers.get("content-type"),
  };
}

const base = "/v1/agent/canned-replies";

describe("canned replies", () => {
  it("creates, lists by title, changes and deletes a canned reply", async () => {
    const created = await call("POST", base, {
      title: "  Étapes pour reproduire  ",
      body: "  Bonjour,\n\npouvez-vous décrire les étapes ?  ",
      locale: "fr",
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: "Étapes pour reproduire",
      body: "Bonjour,\n\npouvez-vous décrire les étapes ?",
      locale: "fr",
      updatedAt: t.clock.now().toISOString(),
    });
    const id = created.body.id as string;
    const stored = await t.db.selectFrom("cannedReplies").selectAll().where("id", "=", id).executeTakeFirst();
    expect(stored).toMatchObject({ createdBy: agent.user.id, createdAt: t.clock.now().toISOString() });

    // Another staff member (an admin) adds one in English.
    const english = await call(
      "POST",
      base,
      { title: "ask for a screenshot", body: "Could you send a screenshot?", locale: "en" },
      admin.token,
    );
    expect(english.status).toBe(201);
    await call("POST", base, { title: "Zéro accès", body: "…", locale: "fr" });
    await call("POST", base, { title: "Correctif déployé", body: "C’est corrigé.", locale: "fr" });

    // By title in French alphabetical order: case and accents folded (not by code point, where
    // "Z…" < "a…" and "É…" comes after "z…").
    const list = await call("GET", base);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: Json) => i.title)).toEqual([
      "ask for a screenshot",
      "Correctif déployé",
      "Étapes pour reproduire",
      "Zéro accès",
    ]);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(["body", "id", "locale", "title", "updatedAt"]);

    t.clock.advance(60_000);
    const changed = await call("PATCH", `${base}/${id}`, { body: "Pouvez-vous détailler les étapes ?" });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      id,
      title: "Étapes pour reproduire",
      body: "Pouvez-vous détailler les étapes ?",
      locale: "fr",
      updatedAt: t.clock.now().toISOString(),
    });
    const relabelled = await call("PATCH", `${base}/${id}`, { title: "Steps to reproduce", locale: "en" });
    expect(relabelled.body).toMatchObject({ title: "Steps to reproduce", locale: "en" });

    // An empty change changes nothing, not even updatedAt.
    t.clock.advance(60_000);
    const unchanged = await call("PATCH", `${base}/${id}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(relabelled.body);

    const deleted = await call("DELETE", `${base}/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await call("GET", base)).body.items.map((i: Json) => i.id)).not.toContain(id);
    expect((await call("DELETE", `${base}/${id}`)).status).toBe(404);
  });

  it("answers 404 for an unknown id", async () => {
    for (const [method, json] of [
      ["PATCH", { title: "x" }],
      ["PATCH", {}],
      ["DELETE", undefined],
    ] as const) {
      const res = await call(method, `${base}/unknown-id`, json);
      expect(res.status, method).toBe(404);
      expect(res.body.code).toBe("not-found");
      expect(res.type).toContain("application/problem+json");
    }
  });

  it.each([
    ["a missing title", { body: "b", locale: "fr" }, "title"],
    ["a blank title", { title: "   ", body: "b", locale: "fr" }, "title"],
    ["a title of 121 characters", { title: "t".repeat(121), body: "b", locale: "fr" }, "title"],
    ["a title on two lines", { title: "a\nb", body: "b", locale: "fr" }, "title"],
    ["a blank body", { title: "t", body: " \n ", locale: "fr" }, "body"],
    ["a body of 5001 characters", { title: "t", body: "b".repeat(5001), locale: "fr" }, "body"],
    ["a NUL in the body", { title: "t", body: "a\u0000b", locale: "fr" }, "body"],
    ["an unknown locale", { title: "t", body: "b", locale: "de" }, "locale"],
    ["a missing locale", { title: "t", body: "b" }, "locale"],
    ["an unknown field", { title: "t", body: "b", locale: "fr", createdBy: "x" }, "createdBy"],
  ])("refuses %s with 422", async (_name, json, field) => {
    const res = await call("POST", base, json);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation-failed");
    expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
  });

  it("accepts the longest title and body (counted after trimming), and validates changes", async () => {
    const longest = await call("POST", base, {
      title: ` ${"t".repeat(120)} `,
      body: ` ${"b".repeat(5000)} `,
      locale: "en",
    });
    expect(longest.status).toBe(201);
    const id = longest.body.id as string;
    for (const [json, field] of [
      [{ title: "" }, "title"],
      [{ body: "b".repeat(5001) }, "body"],
      [{ locale: "es" }, "locale"],
      [{ id: "other" }, "id"],
      [{ title: null }, "title"],
    ] as const) {
      const res = await call("PATCH", `${base}/${id}`, json);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
    }
    const stored = await call("GET", base);
    expect(stored.body.items.find((i: Json) => i.id === id)?.title).toBe("t".repeat(120));
  });

  it("is for staff only: anonymous 401, customers 403", async () => {
    const { body } = await call("POST", base, { title: "Staff", body: "Only", locale: "fr" });
    const id = body.id as string;
    for (const [method, path, json] of [
      ["GET", base, undefined],
      ["POST", base, { title: "t", body: "b", locale: "fr" }],
      ["PATCH", `${base}/${id}`, { title: "t" }],
      ["DELETE", `${base}/${id}`, undefined],
    ] as const) {
      const anonymous = await t.call(method, path, json === undefined ? {} : { json });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect((await call(method, path, json, customer.token)).status, `${method} ${path}`).toBe(403);
    }
    expect((await call("GET", base)).body.items.map((i: Json) => i.id)).toContain(id);
  });
});
