// Heading slugs follow GitHub's rules, so anchors written by hand keep working.
import { describe, expect, it } from "vitest";
import { slugger } from "./slug.ts";

describe("slugger", () => {
  it("lowercases, drops punctuation, joins words with hyphens and numbers repeats", () => {
    const slug = slugger();
    expect(slug("Horaires & jours fériés")).toBe("horaires--jours-fériés");
    expect(slug("Who’s in charge?")).toBe("whos-in-charge");
    expect(slug("Étapes")).toBe("étapes");
    expect(slug("Étapes")).toBe("étapes-1");
  });
});
