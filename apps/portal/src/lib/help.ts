/**
 * Links into the help center (apps/help): its home and the articles the portal points to, per
 * language. Public URLs follow apps/help/CONTENT.md: `/articles/<slug>/` (French) and
 * `/en/articles/<slug>/` (English). An e2e test checks each link against the built help site.
 */
import type { Locale } from "@cirrus/domain";
import { config } from "./config.ts";

export const helpArticles = {
  "support-offer": { fr: "quel-support-est-fourni", en: "what-support-is-provided" },
  "add-on-options": { fr: "options-supplementaires", en: "add-on-options" },
  criticality: { fr: "choisir-la-criticite", en: "choosing-criticality" },
  sla: { fr: "delais-de-reponse", en: "response-times" },
  "support-hours": { fr: "horaires-et-jours-feries", en: "support-hours-and-holidays" },
  "custom-development-quote": {
    fr: "demander-un-devis-de-developpement",
    en: "request-a-custom-development-quote",
  },
  "open-follow-request": { fr: "ouvrir-et-suivre-une-demande", en: "open-and-follow-a-request" },
} as const satisfies Record<string, Record<Locale, string>>;

export type HelpArticle = keyof typeof helpArticles;

/**
 * The help center's home page in a language.
 * @example helpHome("en") // "http://localhost:4321/en/"
 */
export function helpHome(locale: Locale, base: string = config.helpUrl): string {
  return locale === "fr" ? `${base}/` : `${base}/${locale}/`;
}

/**
 * The URL of a help article in a language.
 * @example helpArticle("support-offer", "fr") // "http://localhost:4321/articles/quel-support-est-fourni/"
 */
export function helpArticle(article: HelpArticle, locale: Locale, base: string = config.helpUrl): string {
  const slug = helpArticles[article][locale];
  return locale === "fr" ? `${base}/articles/${slug}/` : `${base}/${locale}/articles/${slug}/`;
}

/**
 * The help center's Pagefind bundle for a language (one index per language, see apps/help).
 * @example helpSearchBundle("en") // "http://localhost:4321/en/pagefind/"
 */
export function helpSearchBundle(locale: Locale, base: string = config.helpUrl): string {
  return locale === "fr" ? `${base}/pagefind/` : `${base}/${locale}/pagefind/`;
}
