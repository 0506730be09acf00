// Dependencies point one way: @cirrus/ui imports only @cirrus/domain (and Astro/Vitest in tests).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL(".", import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
  (f) => /\.(ts|astro)$/.test(f) && !f.endsWith(".d.ts"),
);

function specifiers(source: string): string[] {
  return [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s+["']([^"']+)["']/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );
}

describe("imports", () => {
  it.each(files)("%s imports only the domain, relative files or its test tools", (file) => {
    const isTest = /\.test\.ts$/.test(file) || file.startsWith("test/");
    for (const spec of specifiers(readFileSync(join(root, file), "utf8"))) {
      const allowed =
        spec.startsWith(".") ||
        spec === "@cirrus/domain" ||
        (isTest && (spec === "vitest" || spec === "astro/container" || spec.startsWith("node:")));
      expect(allowed, `${file} imports ${spec}`).toBe(true);
    }
  });
});
