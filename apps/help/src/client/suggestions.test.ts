import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticArticle } from "../../scripts/bench/synthetic.ts";
import { articleUrl } from "../i18n/routes.ts";
import { splitFrontmatter } from "../lib/article-body/frontmatter.ts";
import { suggestionRow } from "../lib/suggestion-index.ts";
import { fold, prepareSuggestions, type SuggestionRow, suggest, words } from "./suggestions.ts";

interface Meta {
  title: string;
  description: string;
  keywords: string[];
  order: number;
}

/** A language's rows as the build writes them: the real articles plus synthetic ones up to `total`. */
function rows(locale: "fr" | "en", total: number): SuggestionRow[] {
  const dir = join(import.meta.dirname, "..", "content", "articles", locale);
  const articles = readdirSync(dir)
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => ({ slug: file.slice(0, -4), source: readFileSync(join(dir, file), "utf8") }));
  for (let n = 1; articles.length < total; n++) {
    const { slug, mdx } = syntheticArticle(locale, n);
    articles.push({ slug, source: mdx });
  }
  return articles
    .map(({ slug, source }) => ({
      slug,
      meta: splitFrontmatter(source, slug).frontmatter as unknown as Meta,
    }))
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.title.localeCompare(b.meta.title))
    .map(({ slug, meta }) =>
      suggestionRow(articleUrl(locale, slug), { ...meta, keywords: meta.keywords ?? [] }),
    );
}

const index = {
  fr: prepareSuggestions(JSON.stringify({ articles: rows("fr", 1000) })),
  en: prepareSuggestions(JSON.stringify({ articles: rows("en", 1000) })),
};
const first = (locale: "fr" | "en", query: string) => suggest(index[locale], query, 6)[0]?.url;

describe("fold and words", () => {
  it("folds case, accents and ligatures", () => {
    expect(fold("Délai DE RÉPONSE")).toBe("delai de reponse");
    expect(fold("Œuvre, ça")).toBe("oeuvre, ca");
  });

  it("folds a JSON text without breaking it", () => {
    const text = JSON.stringify({ articles: [["/a/", 'Œuvre « À\u00a0VOIR » \\ "Ça"', "É", ["Déjà"]]] });
    expect(JSON.parse(fold(text))).toEqual({
      articles: [["/a/", 'oeuvre « a\u00a0voir » \\ "ca"', "e", ["deja"]]],
    });
  });

  it("splits on apostrophes, hyphens and punctuation", () => {
    expect(words("L’adresse e-mail (SLA) : jours ouvrés")).toEqual([
      "l",
      "adresse",
      "e",
      "mail",
      "sla",
      "jours",
      "ouvres",
    ]);
  });
});

describe("suggest, on the real articles among 1,000 per language", () => {
  it("has the real and synthetic articles", () => {
    expect(index.fr).toHaveLength(1000);
    expect(index.en).toHaveLength(1000);
  });

  it("puts the SLA article first for “jour ouvré”, with or without accents and capitals", () => {
    for (const query of ["jour ouvré", "jour ouvre", "JOUR OUVRÉ", "jours ouvrés"]) {
      expect(first("fr", query), query).toBe("/articles/delais-de-reponse/");
    }
  });

  it("puts the criticality article first for “criticality”", () => {
    expect(first("en", "criticality")).toBe("/en/articles/choosing-criticality/");
  });

  it.each([
    ["fr", "délai de réponse", "/articles/delais-de-reponse/"],
    ["fr", "criticité", "/articles/choisir-la-criticite/"],
    ["fr", "devis", "/articles/demander-un-devis-de-developpement/"],
    ["fr", "mot de passe", "/articles/invitation-et-mot-de-passe/"],
    ["fr", "férié", "/articles/horaires-et-jours-feries/"],
    ["en", "business day", "/en/articles/response-times/"],
    ["en", "response time", "/en/articles/response-times/"],
    ["en", "quote", "/en/articles/request-a-custom-development-quote/"],
    ["en", "password", "/en/articles/invitation-and-password/"],
  ] as const)("%s: “%s” → %s first", (locale, query, expected) => {
    expect(first(locale, query)).toBe(expected);
  });

  it("matches the word being typed by its beginning", () => {
    expect(first("fr", "crit")).toBe("/articles/choisir-la-criticite/");
    expect(first("fr", "jour ouv")).toBe("/articles/delais-de-reponse/");
    expect(first("en", "passw")).toBe("/en/articles/invitation-and-password/");
  });

  it("answers a single letter with articles that have a word starting with it", () => {
    const hits = suggest(index.fr, "j", 6);
    expect(hits).toHaveLength(6);
    const byUrl = new Map(rows("fr", 1000).map((row) => [row[0], row]));
    for (const hit of hits) {
      const [, title, description, keywords] = byUrl.get(hit.url) ?? ["", "", "", []];
      expect(
        words([title, description, ...keywords].join(" ")).some((w) => w.startsWith("j")),
        hit.url,
      ).toBe(true);
    }
  });

  it("needs every significant word, but not short ones in the middle", () => {
    expect(suggest(index.fr, "mot de passe zzyzx", 6)).toEqual([]);
    expect(first("fr", "délai à réponse")).toBe("/articles/delais-de-reponse/");
  });

  it("matches words by their beginning only, not inside a word", () => {
    // "iticite" is inside "criticité"; "ouvrir" begins a keyword of the request article.
    expect(suggest(index.fr, "iticite", 6)).toEqual([]);
    expect(suggest(index.fr, "ouvrir", 6).map((hit) => hit.url)).toContain(
      "/articles/ouvrir-et-suivre-une-demande/",
    );
  });

  it("returns nothing for a word no title, description or keyword has, or for an empty query", () => {
    expect(suggest(index.fr, "zzyzx", 6)).toEqual([]);
    expect(suggest(index.fr, "  ’ ", 6)).toEqual([]);
  });

  it("limits the list", () => {
    expect(suggest(index.en, "the", 3)).toHaveLength(3);
  });
});
