// OpenRequestButton links to the portal page it is given, labelled in the reader's language.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import OpenRequestButton from "./OpenRequestButton.astro";

describe("OpenRequestButton", () => {
  it.each([
    ["fr", "Ouvrir une demande"],
    ["en", "Open a request"],
  ] as const)("reads %s", async (locale, label) => {
    const html = await render(OpenRequestButton, { locale, href: "https://portal.example/requests/new" });
    expect(html).toContain('href="https://portal.example/requests/new"');
    expect(textOf(html)).toBe(label);
    expect(html).toContain("data-pagefind-ignore");
  });
});
