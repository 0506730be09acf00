// Callout wraps its content in a titled note box.
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import Callout from "./Callout.astro";

describe("Callout", () => {
  it.each([
    ["tip", "fr", "Astuce"],
    ["warning", "fr", "Attention"],
    ["note", "en", "Note"],
  ] as const)("%s in %s is titled %s", async (type, locale, title) => {
    const html = await render(Callout, { type, locale }, { default: "<p>Joignez une capture.</p>" });
    expect(html).toContain(`data-type="${type}"`);
    expect(html).toContain('role="note"');
    expect(textOf(html)).toBe(`${title} Joignez une capture.`);
  });
});
