// Frontmatter: the YAML block at the top of an article, and the body after it.
import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "./frontmatter.ts";

describe("splitFrontmatter", () => {
  it("parses the YAML and returns the body", () => {
    const { frontmatter, body } = splitFrontmatter(
      '---\ntitle: "A : b"\norder: 2\nkeywords: ["x", "y"]\n---\n\nTexte\n',
    );
    expect(frontmatter).toEqual({ title: "A : b", order: 2, keywords: ["x", "y"] });
    expect(body).toBe("\nTexte\n");
  });

  it("requires a frontmatter block", () => {
    expect(() => splitFrontmatter("Texte", "fr/x.mdx")).toThrow("fr/x.mdx: missing frontmatter");
  });
});
