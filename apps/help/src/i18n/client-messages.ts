/** Words the browser scripts (search, feedback) show, bundled with them for both languages. */
export const clientMessages = {
  fr: {
    loading: "Recherche en cours…",
    none: "Aucun article ne correspond à « {query} ».",
    one: "1 article trouvé.",
    many: "{count} articles trouvés.",
    all: "Voir tous les résultats pour « {query} »",
    unavailable: "La recherche est indisponible pour le moment.",
    sending: "Envoi…",
    thanks: "Merci pour votre avis !",
    fallback: "Merci ! Votre avis n’a pas pu être transmis pour le moment. Vous pourrez réessayer plus tard.",
  },
  en: {
    loading: "Searching…",
    none: "No article matches “{query}”.",
    one: "1 article found.",
    many: "{count} articles found.",
    all: "See all results for “{query}”",
    unavailable: "Search is unavailable at the moment.",
    sending: "Sending…",
    thanks: "Thank you for your feedback!",
    fallback: "Thank you! Your feedback could not be sent right now. You can try again later.",
  },
} as const;

export type ClientLocale = keyof typeof clientMessages;
export type ClientMessageKey = keyof (typeof clientMessages)["fr"];

/**
 * A client message with `{name}` placeholders filled, in the page's language (French by default).
 * @example clientMessage("en", "many", { count: 3 }) // "3 articles found."
 */
export function clientMessage(
  lang: string,
  key: ClientMessageKey,
  params: Record<string, string | number> = {},
): string {
  const locale: ClientLocale = lang === "en" ? "en" : "fr";
  const template: string = clientMessages[locale][key];
  const filled = template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
  return typography(locale, filled);
}

/**
 * French typography for text the browser shows (search titles lose their no-break spaces in the
 * index): no-break spaces inside guillemets and before high punctuation. Other languages: as is.
 * @example typography("fr", "Quel support ?") // "Quel support\u202f?"
 */
export function typography(lang: string, text: string): string {
  if (lang !== "fr") return text;
  return text
    .replace(/« /g, "«\u202f")
    .replace(/ ([»!?;])/g, "\u202f$1")
    .replace(/ :/g, "\u00a0:");
}
