/**
 * How search results are ranked, shared by the help center's scripts and documented for the
 * portal. Measured on the real articles plus 1,000 synthetic ones per language (scripts/bench.ts):
 * - `keywords` is the page metadata filled from each article's `keywords` frontmatter: a match
 *   there is a strong, deliberate signal (it separates "jour ouvré" from "ouvrir une demande",
 *   which French stemming folds to the same "ouvr");
 * - `title` metadata is weighted down from Pagefind's default 5 because the title is already
 *   indexed as weighted body text, and a title boost let "Ouvrir et suivre une demande" outrank
 *   the SLA article for "jour ouvré".
 */
export const searchRanking = {
  metaWeights: { keywords: 10, title: 1 },
} as const;
