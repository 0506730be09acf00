/**
 * Compiles an article's MDX to HTML once, when content is loaded, keeping the components it uses
 * as parts to render on the page. Sätteri (the parser Astro's MDX uses) reads the MDX; articles
 * may use JSX components with literal props and Markdown, not `import`, `export` or `{…}`.
 * Compiled this way, thousands of articles cost what plain Markdown costs to build — one bundled
 * module per MDX file is what made a 1,000-article site slow (see README, "Build budget").
 */
import { frenchSpacing } from "@cirrus/ui";
import { mdxToHast } from "satteri";
import { closeTag, escapeText, openTag } from "./html.ts";
import { slugger } from "./slug.ts";
import type { ArticleBody, BodyPart, Heading, PropValue } from "./types.ts";

export interface CompileOptions {
  readonly locale: "fr" | "en";
  /** Names of the components articles may use (PascalCase). */
  readonly components: ReadonlySet<string>;
  /** For error messages. */
  readonly file: string;
}

/** The hast nodes Sätteri produces for MDX, as far as this compiler reads them. */
type Node = {
  type: string;
  value?: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
};

export class ArticleSyntaxError extends Error {
  override name = "ArticleSyntaxError";
}

/** French text: guillemets for curly quotes, no-break spaces before high punctuation. */
function typography(text: string, locale: "fr" | "en"): string {
  if (locale !== "fr") return text;
  return frenchSpacing(text.replace(/“\s*/g, "« ").replace(/\s*”/g, " »"), "fr");
}

function textOf(node: Node): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function literal(value: unknown, where: string): PropValue {
  if (value === null || value === undefined) return true; // <Tag flag />
  if (typeof value === "string") return value;
  const expression = (value as { value?: string }).value?.trim() ?? "";
  if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
  if (expression === "true" || expression === "false") return expression === "true";
  if (/^(["'])[^"'`]*\1$/.test(expression)) return expression.slice(1, -1);
  throw new ArticleSyntaxError(`${where}: only literal props are allowed, got {${expression}}`);
}

function propsOf(node: Node, where: string): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      throw new ArticleSyntaxError(`${where}: spread props are not allowed`);
    }
    props[attribute.name] = literal(attribute.value, where);
  }
  return props;
}

/** Compiles MDX source (without its frontmatter) into HTML parts and components. */
export function compileArticle(source: string, options: CompileOptions): ArticleBody {
  const { locale, components, file } = options;
  const tree = mdxToHast(source, {
    position: false,
    features: { smartPunctuation: true },
  }) as unknown as Node;
  const slug = slugger();
  const headings: Heading[] = [];
  const parts: BodyPart[] = [];

  // Emits into `out`, merging neighbouring HTML strings.
  const emit = (out: BodyPart[], html: string) => {
    const last = out[out.length - 1];
    if (last && "html" in last) out[out.length - 1] = { html: last.html + html };
    else if (html) out.push({ html });
  };

  // `verbatim`: inside code, where typography must not touch the text.
  const visit = (node: Node, out: BodyPart[], verbatim = false) => {
    switch (node.type) {
      case "root":
        for (const child of node.children ?? []) visit(child, out);
        return;
      case "text":
        emit(out, escapeText(verbatim ? (node.value ?? "") : typography(node.value ?? "", locale)));
        return;
      case "comment":
        return;
      case "raw":
        emit(out, node.value ?? "");
        return;
      case "element": {
        const tag = node.tagName ?? "div";
        let properties = node.properties;
        if (/^h[2-6]$/.test(tag)) {
          const text = textOf(node);
          const id = slug(text);
          headings.push({ depth: Number(tag[1]), slug: id, text });
          properties = { id, ...properties };
        }
        emit(out, openTag(tag, properties));
        const code = verbatim || tag === "code" || tag === "pre";
        for (const child of node.children ?? []) visit(child, out, code);
        emit(out, closeTag(tag));
        return;
      }
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "";
        const where = `${file}: <${name}>`;
        if (/^[a-z]/.test(name)) {
          // A lowercase tag is plain HTML written as JSX (<br />, <kbd>…</kbd>).
          emit(out, openTag(name, propsOf(node, where)));
          for (const child of node.children ?? []) visit(child, out);
          emit(out, closeTag(name));
          return;
        }
        if (!components.has(name)) {
          throw new ArticleSyntaxError(
            `${where} is not an article component (${[...components].join(", ")})`,
          );
        }
        const props = propsOf(node, where);
        const children: BodyPart[] = [];
        for (const child of node.children ?? []) visit(child, children);
        out.push({ component: name, props, children });
        return;
      }
      case "mdxjsEsm":
        throw new ArticleSyntaxError(`${file}: import/export is not allowed in articles; use the components`);
      case "mdxFlowExpression":
      case "mdxTextExpression":
        throw new ArticleSyntaxError(
          `${file}: {…} expressions are not allowed in articles: {${node.value ?? ""}}`,
        );
      default:
        throw new ArticleSyntaxError(`${file}: unexpected ${node.type}`);
    }
  };

  visit(tree, parts);
  return { parts, headings };
}
