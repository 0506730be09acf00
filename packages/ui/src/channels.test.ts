// Channels per tier come from the entitlements table.
import { tierIds } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { tierChannels } from "./channels.ts";

describe("tierChannels", () => {
  it.each(tierIds)("%s always has the online help first", (tier) => {
    expect(tierChannels(tier)[0]).toBe("online-help");
  });

  it("gives the portal and e-mail to paying tiers only", () => {
    expect(tierChannels("free")).toEqual(["online-help"]);
    expect(tierChannels("paying")).toEqual(["online-help", "portal", "email"]);
  });
});
