import { describe, expect, it } from "vitest";
import * as attachments from "./attachments.ts";
import * as businessTime from "./business-time.ts";
import * as calendar from "./calendar.ts";
import * as categories from "./categories.ts";
import * as criticality from "./criticality.ts";
import * as entitlements from "./entitlements.ts";
import * as errors from "./errors.ts";
import * as holidays from "./holidays.ts";
import * as i18n from "./i18n.ts";
import * as domain from "./index.ts";
import * as lifecycle from "./lifecycle.ts";
import * as options from "./options.ts";
import * as queue from "./queue.ts";
import * as quotes from "./quotes.ts";
import * as reference from "./reference.ts";
import * as roles from "./roles.ts";
import * as sla from "./sla.ts";
import * as slaState from "./sla-state.ts";
import * as supportOffer from "./support-offer.ts";
import * as tiers from "./tiers.ts";
import * as zonedTime from "./zoned-time.ts";

const modules: Record<string, Record<string, unknown>> = {
  attachments,
  businessTime,
  calendar,
  categories,
  criticality,
  entitlements,
  errors,
  holidays,
  i18n,
  lifecycle,
  options,
  queue,
  quotes,
  reference,
  roles,
  sla,
  slaState,
  supportOffer,
  tiers,
  zonedTime,
};

describe("@cirrus/domain entry point", () => {
  it("exports the names DESIGN §2 requires", () => {
    for (const name of [
      "firstResponseDueAt",
      "businessMillisBetween",
      "frenchPublicHolidays",
      "entitlements",
      "canOpenRequest",
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it("re-exports every runtime export of every module, unchanged", () => {
    const expected = new Map<string, unknown>();
    for (const mod of Object.values(modules)) {
      for (const [name, value] of Object.entries(mod)) {
        expect(expected.has(name)).toBe(false); // no name clash between modules
        expected.set(name, value);
      }
    }
    expect(Object.keys(domain).sort()).toEqual([...expected.keys()].sort());
    for (const [name, value] of Object.entries(domain)) expect(value).toBe(expected.get(name));
  });

  it("has every label in both French and English", () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string, seen: Set<unknown>) => {
      if (value === null || typeof value !== "object" || seen.has(value)) return;
      seen.add(value);
      const record = value as Record<string, unknown>;
      if (typeof record.fr === "string" || typeof record.en === "string") {
        for (const locale of ["fr", "en"]) {
          const text = record[locale];
          if (typeof text !== "string" || text.trim() === "") missing.push(`${path}.${locale}`);
        }
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`, seen);
    };
    const seen = new Set<unknown>();
    for (const [name, value] of Object.entries(domain)) walk(value, name, seen);
    expect(seen.size).toBeGreaterThan(100); // the walk did reach the label tables
    expect(missing).toEqual([]);
  });
});
