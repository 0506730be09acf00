// The help center's content: one collection of MDX articles, `fr/<slug>` and `en/<slug>`.
import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { articleComponentNames } from "./components/mdx/names.ts";
import { categoryIds } from "./i18n/categories.ts";
import { articleLoader } from "./lib/article-loader.ts";

const articles = defineCollection({
  // Compiles each article once while loading content (see src/lib/article-loader.ts).
  loader: articleLoader({ base: "src/content/articles", components: articleComponentNames }),
  schema: z.object({
    title: z.string().min(1),
    /** One sentence, used in lists, search results and the page's meta description. */
    description: z.string().min(1),
    category: z.enum(categoryIds),
    /** The same value in both languages: links an article to its translation. */
    translationKey: z.string().regex(/^[a-z0-9-]+$/),
    /** Position within its category. */
    order: z.number(),
    /** Search terms customers type, weighted in the search index. */
    keywords: z.array(z.string().min(1)).default([]),
    cornerstone: z.boolean().default(false),
  }),
});

export const collections = { articles };
