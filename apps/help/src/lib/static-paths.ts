/** `getStaticPaths` results shared by the French and English route files. */
import type { Locale } from "@cirrus/domain";
import { categoryIds } from "../i18n/categories.ts";
import { articlesOf, slugOf } from "./articles.ts";

/** One page per article of a language, the entry as a prop. */
export async function articlePaths(locale: Locale) {
  return (await articlesOf(locale)).map((entry) => ({ params: { slug: slugOf(entry) }, props: { entry } }));
}

/** One page per category. */
export function categoryPaths() {
  return categoryIds.map((id) => ({ params: { id }, props: { category: id } }));
}
