/** Splits an MDX file into its YAML frontmatter (parsed) and its body. */
import { parse } from "yaml";

export interface SourceFile {
  readonly frontmatter: Record<string, unknown>;
  readonly body: string;
}

/**
 * Reads the `---` block at the start of a file.
 * @example splitFrontmatter("---\ntitle: A\n---\nText").frontmatter.title // "A"
 */
export function splitFrontmatter(source: string, file = "article"): SourceFile {
  const match = source.replace(/^\uFEFF/, "").match(/^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/);
  if (!match) throw new Error(`${file}: missing frontmatter (a --- block at the top)`);
  const frontmatter = (parse(match[1] ?? "") ?? {}) as Record<string, unknown>;
  if (typeof frontmatter !== "object" || Array.isArray(frontmatter)) {
    throw new Error(`${file}: the frontmatter must be a YAML mapping`);
  }
  return { frontmatter, body: source.slice((match.index ?? 0) + match[0].length) };
}
