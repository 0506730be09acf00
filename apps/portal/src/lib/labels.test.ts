// Unit tests of lib/labels.ts: business labels from the domain, in the staff's words.
import { describe, expect, it } from "vitest";
import { availabilityLabel, criticalityLabel, roleLabel, staffStatusLabel, tierLabel } from "./labels.ts";

describe("staff labels", () => {
  it("say the customer is the one awaited, where the domain's label speaks to the customer", () => {
    expect(staffStatusLabel("waiting-on-customer", "fr")).toBe("En attente du client");
    expect(staffStatusLabel("waiting-on-customer", "en")).toBe("Waiting on customer");
    expect(staffStatusLabel("open", "fr")).toBe("En cours");
  });

  it("take the rest from the domain", () => {
    expect(tierLabel("premium", "fr")).toBe("Support Premium");
    expect(criticalityLabel("critical", "en")).toBe("Critical");
    expect(criticalityLabel(null, "fr")).toBe("Non classée");
    expect(roleLabel("admin", "fr")).toBe("Administrateur");
    expect(availabilityLabel("quote", "fr")).toBe("Sur devis");
  });
});
