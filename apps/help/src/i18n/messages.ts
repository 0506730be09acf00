/** Interface words of the help center's own pages, per locale, looked up by key. */
import type { Locale } from "@cirrus/domain";
import { frenchSpacing } from "@cirrus/ui";

const fr = {
  "site.name": "Centre d’aide Cirrus Shield",
  "site.section": "Centre d’aide",
  "site.home": "Accueil du centre d’aide",
  "skip.link": "Aller au contenu",
  "search.label": "Rechercher dans l’aide",
  "search.placeholder": "Ex. : jour ouvré, devis…",
  "search.submit": "Rechercher",
  "search.results": "Suggestions d’articles",
  "search.title": "Rechercher",
  "search.description": "Cherchez une réponse dans les articles du centre d’aide Cirrus Shield.",
  "search.noscript": "La recherche a besoin de JavaScript. Parcourez les rubriques ci-dessous.",
  "home.title": "Comment pouvons-nous vous aider ?",
  "home.description":
    "Trouvez une réponse sur le support Cirrus Shield : offres, demandes, délais de réponse et compte.",
  "home.lead": "Cherchez une réponse dans nos articles ou parcourez les rubriques.",
  "home.categories": "Parcourir par rubrique",
  "home.start": "À lire en premier",
  "home.more": "Tous les articles de la rubrique",
  "lang.name": "Français",
  "lang.switch": "Lire cette page en français",
  "lang.label": "Langue",
  "nav.breadcrumb": "Fil d’Ariane",
  "nav.categories": "Rubriques",
  "category.count.one": "{count} article",
  "category.count.other": "{count} articles",
  "article.related": "Dans la même rubrique",
  "article.category": "Rubrique",
  "feedback.question": "Cet article vous a-t-il été utile ?",
  "feedback.yes": "Oui",
  "feedback.no": "Non",
  "feedback.comment": "Que pouvons-nous améliorer ? (facultatif)",
  "feedback.send": "Envoyer",
  "cta.title": "Vous n’avez pas trouvé votre réponse ?",
  "cta.lead":
    "Ouvrez une demande depuis le portail du support : nous vous répondons dans le délai de votre offre.",
  "footer.offer": "Ce que comprend votre offre",
  "notFound.title": "Page introuvable",
  "notFound.lead": "Cette page n’existe pas ou a été déplacée. Cherchez dans l’aide ou revenez à l’accueil.",
} as const;

export type HelpMessageKey = keyof typeof fr;

const en: Record<HelpMessageKey, string> = {
  "site.name": "Cirrus Shield Help Center",
  "site.section": "Help Center",
  "site.home": "Help center home",
  "skip.link": "Skip to content",
  "search.label": "Search the help center",
  "search.placeholder": "e.g. business day, quote…",
  "search.submit": "Search",
  "search.results": "Suggested articles",
  "search.title": "Search",
  "search.description": "Search the articles of the Cirrus Shield help center.",
  "search.noscript": "Search needs JavaScript. Browse the categories below.",
  "home.title": "How can we help?",
  "home.description":
    "Answers about Cirrus Shield support: plans, requests, response times and your account.",
  "home.lead": "Search our articles or browse the categories.",
  "home.categories": "Browse by category",
  "home.start": "Start here",
  "home.more": "All articles in this category",
  "lang.name": "English",
  "lang.switch": "Read this page in English",
  "lang.label": "Language",
  "nav.breadcrumb": "Breadcrumb",
  "nav.categories": "Categories",
  "category.count.one": "{count} article",
  "category.count.other": "{count} articles",
  "article.related": "In the same category",
  "article.category": "Category",
  "feedback.question": "Was this article helpful?",
  "feedback.yes": "Yes",
  "feedback.no": "No",
  "feedback.comment": "What could we improve? (optional)",
  "feedback.send": "Send",
  "cta.title": "Didn’t find your answer?",
  "cta.lead": "Open a request from the support portal: we answer within your plan’s response time.",
  "footer.offer": "What your plan includes",
  "notFound.title": "Page not found",
  "notFound.lead": "This page does not exist or has moved. Search the help center or go back home.",
};

const dictionaries: Readonly<Record<Locale, Record<HelpMessageKey, string>>> = { fr, en };

/**
 * An interface word of the help center, with `{name}` placeholders filled.
 * @example ht("en", "feedback.yes") // "Yes"
 */
export function ht(
  locale: Locale,
  key: HelpMessageKey,
  params: Record<string, string | number> = {},
): string {
  const filled = dictionaries[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
  return frenchSpacing(filled, locale);
}

/**
 * "1 article" / "12 articles" in a locale.
 * @example articleCount("fr", 2) // "2 articles"
 */
export function articleCount(locale: Locale, count: number): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return ht(locale, rule === "one" ? "category.count.one" : "category.count.other", { count });
}
