/** Builds the DOM of one search hit (title and description as text; never HTML from the index). */
import { typography } from "../i18n/client-messages.ts";
import type { Hit } from "./pagefind.ts";

export function hitContent(hit: Hit, lang = document.documentElement.lang): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const title = document.createElement("span");
  title.className = "cs-hit__title";
  title.textContent = typography(lang, hit.title);
  fragment.append(title);
  if (hit.description) {
    const description = document.createElement("span");
    description.className = "cs-hit__description";
    description.textContent = typography(lang, hit.description);
    fragment.append(description);
  }
  return fragment;
}
