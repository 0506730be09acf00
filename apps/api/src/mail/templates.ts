/** Texts of the account e-mails (invitation, password reset), in the recipient's language, as text and HTML. */
import type { Locale } from "@cirrus/domain";
import { type RenderedMail, renderMail } from "./compose.ts";

/**
 * Invitation to the support portal, with the one-time link.
 * @example invitationMail("fr", { name: "Ana", link, organizationName: "Acme", expiresInDays: 7 })
 */
export function invitationMail(
  locale: Locale,
  v: { name: string; link: string; organizationName: string | null; expiresInDays: number },
): RenderedMail {
  if (locale === "en") {
    return renderMail(locale, "Your invitation to Cirrus Shield Support", [
      { p: `Hello ${v.name},` },
      {
        p: `You are invited to the Cirrus Shield support portal${v.organizationName ? ` for ${v.organizationName}` : ""}.\nChoose your password with this link (valid ${v.expiresInDays} days, usable once):`,
      },
      { link: v.link, label: "Choose my password" },
      { p: "Cirrus Shield Support" },
    ]);
  }
  return renderMail(locale, "Votre invitation au support Cirrus Shield", [
    { p: `Bonjour ${v.name},` },
    {
      p: `Vous êtes invité(e) sur le portail du support Cirrus Shield${v.organizationName ? ` pour ${v.organizationName}` : ""}.\nChoisissez votre mot de passe avec ce lien (valable ${v.expiresInDays} jours, utilisable une seule fois) :`,
    },
    { link: v.link, label: "Choisir mon mot de passe" },
    { p: "Le support Cirrus Shield" },
  ]);
}

/**
 * Password reset link (one hour, single use).
 * @example passwordResetMail("en", { name: "Ana", link })
 */
export function passwordResetMail(locale: Locale, v: { name: string; link: string }): RenderedMail {
  if (locale === "en") {
    return renderMail(locale, "Reset your Cirrus Shield Support password", [
      { p: `Hello ${v.name},` },
      { p: "To choose a new password, open this link within one hour (it works once):" },
      { link: v.link, label: "Choose a new password" },
      { p: "If you did not ask for this, ignore this e-mail: your password stays the same." },
      { p: "Cirrus Shield Support" },
    ]);
  }
  return renderMail(locale, "Réinitialisation de votre mot de passe Cirrus Shield Support", [
    { p: `Bonjour ${v.name},` },
    {
      p: "Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure (il ne fonctionne qu’une fois) :",
    },
    { link: v.link, label: "Choisir un nouveau mot de passe" },
    {
      p: "Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.",
    },
    { p: "Le support Cirrus Shield" },
  ]);
}
