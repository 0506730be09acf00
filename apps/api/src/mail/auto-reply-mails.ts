/**
 * The two automatic replies of the support address: to a customer whose plan has no e-mail support,
 * and to an address we do not know. Sent at most once per sender per 24 hours.
 */
import type { Locale } from "@cirrus/domain";
import { type Block, type RenderedMail, renderMail } from "./compose.ts";

/** Where an auto-reply sends people. */
export interface AutoReplyLinks {
  readonly portalUrl: string;
  readonly helpUrl: string;
}

const helpHome = (helpUrl: string, locale: Locale) => `${helpUrl}/${locale === "fr" ? "" : "en/"}`;
const plansArticle = (helpUrl: string, locale: Locale) =>
  locale === "fr"
    ? `${helpUrl}/articles/quel-support-est-fourni/`
    : `${helpUrl}/en/articles/what-support-is-provided/`;

const subjectOf = (subject: string, prefix: string) =>
  `${prefix} ${subject.replace(/\s+/g, " ").trim() || "—"}`.slice(0, 250);

const automatic: Record<Locale, Block> = {
  fr: {
    p: "Ceci est une réponse automatique : vous n’en recevrez pas d’autre pendant 24 heures.",
  },
  en: { p: "This is an automatic reply: you will not get another one for 24 hours." },
};

/**
 * To a known customer whose plan does not include e-mail support: no request was opened; where to
 * find help and what the plans include.
 * @example notEntitledAutoReply("fr", { name: "Julie", subject: "Aide", links })
 */
export function notEntitledAutoReply(
  locale: Locale,
  v: { name: string; subject: string; links: AutoReplyLinks },
): RenderedMail {
  const fr = locale === "fr";
  return renderMail(locale, subjectOf(v.subject, fr ? "Réponse automatique :" : "Automatic reply:"), [
    { p: fr ? `Bonjour ${v.name},` : `Hello ${v.name},` },
    {
      p: fr
        ? `Nous avons bien reçu votre e-mail « ${v.subject} », mais l’offre de votre organisation n’inclut pas le support par e-mail : aucune demande n’a été ouverte.`
        : `We received your e-mail “${v.subject}”, but your organization’s plan does not include e-mail support: no request was opened.`,
    },
    {
      p: fr
        ? "Le centre d’aide répond aux questions les plus fréquentes :"
        : "The help center answers the most common questions:",
    },
    { link: helpHome(v.links.helpUrl, locale), label: fr ? "Centre d’aide" : "Help center" },
    {
      p: fr
        ? "Ce que comprend chaque offre, et votre offre actuelle sur le portail :"
        : "What each plan includes, and your current plan in the portal:",
    },
    {
      link: plansArticle(v.links.helpUrl, locale),
      label: fr ? "Le support selon votre offre" : "Support by plan",
    },
    { link: `${v.links.portalUrl}/`, label: fr ? "Votre offre sur le portail" : "Your plan in the portal" },
    automatic[locale],
    { p: fr ? "Le support Cirrus Shield" : "Cirrus Shield Support" },
  ]);
}

/**
 * To an address that is no user of the portal: in French then English (we do not know their
 * language), no request opened, how customers reach us.
 * @example unknownSenderAutoReply({ subject: "Hello", links })
 */
export function unknownSenderAutoReply(v: { subject: string; links: AutoReplyLinks }): RenderedMail {
  return renderMail("fr", subjectOf(v.subject, "Réponse automatique / Automatic reply:"), [
    { p: "Bonjour," },
    {
      p: `Nous avons bien reçu votre e-mail « ${v.subject} », mais cette adresse n’est pas celle d’un utilisateur du portail de support Cirrus Shield : aucune demande n’a été ouverte. Si votre organisation est cliente, écrivez-nous depuis l’adresse de votre compte, ou demandez à un collègue de vous faire inviter sur le portail.`,
    },
    { link: helpHome(v.links.helpUrl, "fr"), label: "Centre d’aide" },
    automatic.fr,
    { p: "Le support Cirrus Shield" },
    { p: "—" },
    { p: "Hello," },
    {
      p: `We received your e-mail “${v.subject}”, but this address is not a user of the Cirrus Shield support portal: no request was opened. If your organization is a customer, write to us from your account’s address, or ask a colleague to have you invited to the portal.`,
    },
    { link: helpHome(v.links.helpUrl, "en"), label: "Help center" },
    automatic.en,
    { p: "Cirrus Shield Support" },
  ]);
}
