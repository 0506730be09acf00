// Every article exists in both languages, and the built pages link each one to its translation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distDir } from "../../scripts/dist-dir.ts";
import { attributeValues } from "../../scripts/site-files.ts";

const contentDir = new URL("../content/articles/", import.meta.url).pathname;

interface Source {
  locale: "fr" | "en";
  slug: string;
  translationKey: string;
  title: string;
}

function sources(locale: "fr" | "en"): Source[] {
  return readdirSync(join(contentDir, locale))
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => {
      const text = readFileSync(join(contentDir, locale, file), "utf8");
      const field = (name: string) =>
        text.match(new RegExp(`^${name}:\\s*"?(.*?)"?\\s*$`, "m"))?.[1]?.trim() ?? "";
      return {
        locale,
        slug: file.replace(/\.mdx$/, ""),
        translationKey: field("translationKey"),
        title: field("title"),
      };
    });
}

const fr = sources("fr");
const en = sources("en");
const url = (s: Source) => `${s.locale === "en" ? "/en" : ""}/articles/${s.slug}/`;

describe("translations (content)", () => {
  it("has articles in both languages", () => {
    expect(fr.length).toBeGreaterThan(0);
    expect(en.length).toBe(fr.length);
  });

  it.each(fr.map((s) => [s.translationKey, s] as const))("%s exists once in each language", (key) => {
    expect(fr.filter((s) => s.translationKey === key)).toHaveLength(1);
    expect(en.filter((s) => s.translationKey === key)).toHaveLength(1);
  });
});

describe("translations (built pages)", () => {
  const dist = distDir();
  const read = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");

  it.each(fr.map((s) => [s.translationKey, s] as const))(
    "%s: each page links the other, both ways",
    (key, french) => {
      const english = en.find((s) => s.translationKey === key);
      expect(english).toBeDefined();
      if (!english) return;
      const frHtml = read(url(french));
      const enHtml = read(url(english));
      expect(frHtml).toContain('<html lang="fr"');
      expect(enHtml).toContain('<html lang="en"');
      // The language switcher and the alternate link point to the translation.
      expect(attributeValues(frHtml, "href")).toContain(url(english));
      expect(attributeValues(enHtml, "href")).toContain(url(french));
      expect(frHtml).toMatch(new RegExp(`hreflang="en" href="[^"]*${url(english)}"`));
      expect(enHtml).toMatch(new RegExp(`hreflang="fr" href="[^"]*${url(french)}"`));
    },
  );
});
