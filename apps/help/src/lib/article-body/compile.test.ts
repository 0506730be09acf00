// Compiling article MDX once: Markdown to HTML, components kept as parts, typography, errors.
import { describe, expect, it } from "vitest";
import { ArticleSyntaxError, compileArticle } from "./compile.ts";
import type { BodyPart } from "./types.ts";

const components = new Set(["Callout", "ServiceLevels", "OpenRequestButton"]);
const compile = (source: string, locale: "fr" | "en" = "fr") =>
  compileArticle(source, { locale, components, file: "test.mdx" });
const htmlOf = (parts: readonly BodyPart[]) =>
  parts.map((p) => ("html" in p ? p.html : `[${p.component}]`)).join("");

describe("compileArticle", () => {
  it("turns Markdown into HTML with heading ids", () => {
    const { parts, headings } = compile(
      "Intro *em* [lien](/x/).\n\n## Quand le délai commence ?\n\n## Étapes\n\n## Étapes\n",
    );
    const html = htmlOf(parts);
    expect(html).toContain('<p>Intro <em>em</em> <a href="/x/">lien</a>.</p>');
    expect(html).toContain('<h2 id="quand-le-délai-commence-">Quand le délai commence\u202f?</h2>');
    expect(headings.map((h) => h.slug)).toEqual(["quand-le-délai-commence-", "étapes", "étapes-1"]);
  });

  it("applies French typography to French text only, never inside code", () => {
    const fr = htmlOf(compile('Note : il a dit "oui" ! Voir `a : b`.').parts);
    expect(fr).toContain("Note\u00a0: il a dit «\u202foui\u202f»\u202f! Voir <code>a : b</code>.");
    const en = htmlOf(compile('It\'s "here": ok?', "en").parts);
    expect(en).toContain("It’s “here”: ok?");
  });

  it("keeps components as parts with literal props and compiled children", () => {
    const { parts } = compile(
      '<ServiceLevels locale="fr" />\n\n<Callout type="tip">\nRépondez **vite**.\n</Callout>\n',
    );
    const components = parts.filter((p) => "component" in p);
    expect(components).toEqual([
      { component: "ServiceLevels", props: { locale: "fr" }, children: [] },
      {
        component: "Callout",
        props: { type: "tip" },
        children: [{ html: "<p>Répondez <strong>vite</strong>.</p>" }],
      },
    ]);
  });

  it("splits a paragraph around an inline component and reads number and boolean props", () => {
    const { parts } = compile('Cliquez <OpenRequestButton locale="fr" size={2} wide /> ici.');
    expect(parts[0]).toEqual({ html: "<p>Cliquez " });
    expect(parts[1]).toEqual({
      component: "OpenRequestButton",
      props: { locale: "fr", size: 2, wide: true },
      children: [],
    });
    expect(parts[2]).toEqual({ html: " ici.</p>" });
  });

  it("writes lowercase JSX tags as HTML and escapes text", () => {
    expect(htmlOf(compile("Ligne<br />suivante, a &lt; b").parts)).toContain(
      "<p>Ligne<br>suivante, a &lt; b</p>",
    );
  });

  it("renders GFM tables", () => {
    expect(htmlOf(compile("| a | b |\n|---|---|\n| 1 | 2 |\n").parts)).toMatch(/<table>[\s\S]*<td>2<\/td>/);
  });

  it.each([
    ['import { x } from "y";\n\nTexte', /import\/export is not allowed/],
    ["Texte {1 + 1}", /expressions are not allowed/],
    ["<Unknown />", /<Unknown> is not an article component/],
    ["<Callout type={kind} />", /only literal props/],
  ])("refuses %j", (source, message) => {
    expect(() => compile(source)).toThrow(ArticleSyntaxError);
    expect(() => compile(source)).toThrow(message);
  });
});
