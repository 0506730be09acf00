/** Texts of the account e-mails (invitation, password reset), in the recipient's language. */
import type { Locale } from "@cirrus/domain";

interface Mail {
  subject: string;
  text: string;
}

/**
 * Invitation to the support portal, with the one-time link.
 * @example invitationMail("fr", { name: "Ana", link, organizationName: "Acme", expiresInDays: 7 })
 */
export function invitationMail(
  locale: Locale,
  v: { name: string; link: string; organizationName: string | null; expiresInDays: number },
): Mail {
  if (locale === "en") {
    return {
      subject: "Your invitation to Cirrus Shield Support",
      text: `Hello ${v.name},\n\nYou are invited to the Cirrus Shield support portal${v.organizationName ? ` for ${v.organizationName}` : ""}.\nChoose your password with this link (valid ${v.expiresInDays} days, usable once):\n\n${v.link}\n\nCirrus Shield Support`,
    };
  }
  return {
    subject: "Votre invitation au support Cirrus Shield",
    text: `Bonjour ${v.name},\n\nVous êtes invité(e) sur le portail du support Cirrus Shield${v.organizationName ? ` pour ${v.organizationName}` : ""}.\nChoisissez votre mot de passe avec ce lien (valable ${v.expiresInDays} jours, utilisable une seule fois) :\n\n${v.link}\n\nLe support Cirrus Shield`,
  };
}

/**
 * Password reset link (one hour, single use).
 * @example passwordResetMail("en", { name: "Ana", link })
 */
export function passwordResetMail(locale: Locale, v: { name: string; link: string }): Mail {
  if (locale === "en") {
    return {
      subject: "Reset your Cirrus Shield Support password",
      text: `Hello ${v.name},\n\nTo choose a new password, open this link within one hour (it works once):\n\n${v.link}\n\nIf you did not ask for this, ignore this e-mail: your password stays the same.\n\nCirrus Shield Support`,
    };
  }
  return {
    subject: "Réinitialisation de votre mot de passe Cirrus Shield Support",
    text: `Bonjour ${v.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure (il ne fonctionne qu’une fois) :\n\n${v.link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.\n\nLe support Cirrus Shield`,
  };
}
