/** POST /language: the switcher of pages before sign-in (a signed-in user's language is in their profile). */
import { isLocale } from "@cirrus/domain";
import type { APIRoute } from "astro";
import { safeNext } from "../lib/auth.ts";
import { config } from "../lib/config.ts";
import { readForm } from "../lib/forms.ts";
import { setLanguageCookie } from "../lib/locale.ts";

export const POST: APIRoute = async (context) => {
  const form = await readForm(context.request);
  const lang = form.get("lang");
  if (isLocale(lang)) setLanguageCookie(context.cookies, lang, config.production);
  const next = safeNext(typeof form.get("next") === "string" ? (form.get("next") as string) : "/");
  return context.redirect(next, 303);
};
