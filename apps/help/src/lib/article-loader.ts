/**
 * The content loader of the `articles` collection: reads `fr/*.mdx` and `en/*.mdx`, validates the
 * frontmatter with the collection's schema and compiles each body once (article-body/compile.ts),
 * storing HTML parts and component calls in the data store. Pages render them with ArticleBody.
 * In `astro dev` it watches the folder and recompiles what changes.
 */
import { readdir, readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { compileArticle } from "./article-body/compile.ts";
import { splitFrontmatter } from "./article-body/frontmatter.ts";

export interface ArticleLoaderOptions {
  /** Folder holding `fr/` and `en/`, relative to the project root. */
  readonly base: string;
  /** Component names the articles may use. */
  readonly components: readonly string[];
}

const LOCALES = ["fr", "en"] as const;

export function articleLoader(options: ArticleLoaderOptions): Loader {
  const components = new Set(options.components);
  return {
    name: "cirrus-articles",
    load: async (context: LoaderContext) => {
      const { store, parseData, generateDigest, config, watcher, logger } = context;
      const baseDir = fileURLToPath(new URL(`${options.base.replace(/\/?$/, "/")}`, config.root));
      const root = fileURLToPath(config.root);

      const loadFile = async (path: string): Promise<string | undefined> => {
        const rel = relative(baseDir, path).split("\\").join("/");
        const match = rel.match(/^(fr|en)\/(.+)\.mdx$/);
        if (!match) return undefined;
        const locale = match[1] as "fr" | "en";
        const id = `${locale}/${match[2]}`;
        const source = await readFile(path, "utf8");
        const digest = generateDigest(source);
        if (store.get(id)?.digest === digest) return id;
        const filePath = relative(root, path).split("\\").join("/");
        const { frontmatter, body } = splitFrontmatter(source, filePath);
        const data = await parseData({ id, data: frontmatter, filePath });
        const { parts, headings } = compileArticle(body, { locale, components, file: filePath });
        store.set({
          id,
          data,
          digest,
          filePath,
          rendered: { html: "", metadata: { parts, headings: [...headings] } },
        });
        return id;
      };

      const seen = new Set<string>();
      for (const locale of LOCALES) {
        const dir = `${baseDir}${locale}`;
        const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
        const ids = await Promise.all(
          files.filter((f) => f.endsWith(".mdx")).map((f) => loadFile(`${dir}/${f}`)),
        );
        for (const id of ids) if (id) seen.add(id);
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      if (watcher) {
        watcher.add(baseDir);
        const reload = async (path: string) => {
          if (!path.startsWith(baseDir)) return;
          try {
            await loadFile(path);
          } catch (error) {
            logger.error(String(error));
          }
        };
        watcher.on("add", reload);
        watcher.on("change", reload);
        watcher.on("unlink", (path) => {
          const rel = relative(baseDir, path)
            .split("\\")
            .join("/")
            .replace(/\.mdx$/, "");
          if (store.has(rel)) store.delete(rel);
        });
      }
    },
  };
}
