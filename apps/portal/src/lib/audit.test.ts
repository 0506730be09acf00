// Unit tests of lib/audit.ts: audit entries in words, with the domain's labels.
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditChanges, auditValue } from "./audit.ts";

describe("auditActionLabel", () => {
  it("names known actions and keeps unknown ones as recorded", () => {
    expect(auditActionLabel("organization.update", "fr")).toBe("Modification de l’organisation");
    expect(auditActionLabel("user.disable", "en")).toBe("User disabled");
    expect(auditActionLabel("something.new", "fr")).toBe("something.new");
  });
});

describe("auditValue", () => {
  it("uses the domain's labels for business values", () => {
    expect(auditValue("tier", "premium", "fr")).toBe("Support Premium");
    expect(auditValue("addOns", ["developer-support", "environment-administration"], "en")).toBe(
      "Developer support (answers, no code), Administration of your environment (no code)",
    );
    expect(auditValue("role", "admin", "fr")).toBe("Administrateur");
    expect(auditValue("locale", "en", "fr")).toBe("English");
  });

  it("shows instants in Paris time, emptiness as a dash, organizations by name when known", () => {
    expect(auditValue("disabledAt", "2026-11-27T16:00:00.000Z", "fr")).toBe("27 nov. 2026, 17:00");
    expect(auditValue("disabledAt", null, "fr")).toBe("—");
    expect(auditValue("addOns", [], "fr")).toBe("—");
    expect(auditValue("organizationId", "org1", "fr", new Map([["org1", "Transports Lefèvre"]]))).toBe(
      "Transports Lefèvre",
    );
    expect(auditValue("organizationId", "org2", "fr")).toBe("org2");
  });
});

describe("auditChanges", () => {
  it("lists each changed field, name and plan first", () => {
    const changes = auditChanges(
      {
        before: { addOns: [], tier: "paying" },
        after: { addOns: ["developer-support"], tier: "premium" },
      },
      "fr",
    );
    expect(changes).toEqual([
      { field: "tier", label: "Offre", before: "Client Payant", after: "Support Premium" },
      {
        field: "addOns",
        label: "Options",
        before: "—",
        after: "Support développeurs (réponses, sans code)",
      },
    ]);
  });

  it("shows a creation with nothing before", () => {
    expect(auditChanges({ before: null, after: { name: "Atelier", tier: "free" } }, "en")).toEqual([
      { field: "name", label: "Name", before: "—", after: "Atelier" },
      { field: "tier", label: "Plan", before: "—", after: "Free version" },
    ]);
  });
});
