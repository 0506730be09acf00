/** Heading ids as GitHub (and Astro) make them: lowercase, punctuation dropped, spaces → "-". */

/**
 * Makes unique slugs within one document.
 * @example const slug = slugger(); slug("Étapes"); slug("Étapes") // "étapes", then "étapes-1"
 */
export function slugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
