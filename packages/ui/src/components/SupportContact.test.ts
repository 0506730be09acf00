// SupportContact gives the support address as a mailto link and each tier's channels.
import { supportEmail } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import SupportContact from "./SupportContact.astro";

describe("SupportContact", () => {
  it("links the support address", async () => {
    const html = await render(SupportContact, { locale: "fr" });
    expect(html).toContain(`<a href="mailto:${supportEmail}">${supportEmail}</a>`);
  });

  it("derives channels from entitlements", async () => {
    const html = await render(SupportContact, { locale: "en" });
    const row = (tier: string) =>
      textOf(html.match(new RegExp(`<tr data-tier="${tier}">[\\s\\S]*?</tr>`))?.[0] ?? "");
    expect(row("free")).toBe("Free version Access to online help");
    expect(row("paying")).toBe("Paying customer Access to online help Portal E-mail");
    expect(row("premium")).toBe("Premium support Access to online help Portal E-mail");
    expect(html).toContain('<li data-channel="portal">Portal</li>');
  });
});
