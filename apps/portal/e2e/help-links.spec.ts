/** The help-center articles the portal links to exist in the built help center, in both languages. */
import { locales } from "@cirrus/domain";
import { type HelpArticle, helpArticle, helpArticles, helpHome } from "../src/lib/help.ts";
import { env, expect, test } from "./support/test.ts";

test("every linked help article exists in French and English", async ({ request }) => {
  for (const locale of locales) {
    expect((await request.get(helpHome(locale, env.helpUrl))).status(), helpHome(locale, env.helpUrl)).toBe(
      200,
    );
    for (const article of Object.keys(helpArticles) as HelpArticle[]) {
      const url = helpArticle(article, locale, env.helpUrl);
      expect((await request.get(url)).status(), url).toBe(200);
    }
  }
});
