/**
 * Strips the quoted history from an e-mail reply, so the conversation keeps only what was newly
 * written: everything from the first attribution line ("On … wrote:", "Le … a écrit :"), forwarded
 * header ("-----Original Message-----", "De : … / From: …" blocks) or signature delimiter ("-- "),
 * and every remaining line quoted with ">".
 */

const ATTRIBUTION_START = /^\s*(on|le)\s/i;
const ATTRIBUTION_END = /(wrote|a\s+écrit|a\s+ecrit)\s*:\s*$/i;
const SEPARATORS = [
  /^\s*-{2,}\s*(original message|message d['’]origine|forwarded message|message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's line above its "From:/De :" block
];
/** The header block Outlook puts above the quoted mail: `From:` / `De :` followed by `Sent:` / `Envoyé :`. */
const OUTLOOK_FROM = /^\s*\*?(from|de)\s?:\*?\s/i;
const OUTLOOK_NEXT = /^\s*\*?(sent|date|envoyé|to|à|subject|objet)\s?:\*?\s/i;

/** Where the quoted history begins (a line index), or the number of lines when there is none. */
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "-- " || line === "--") return i; // signature delimiter (RFC 3676)
    if (SEPARATORS.some((re) => re.test(line))) return i;
    if (OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[i + 1] ?? "")) return i;
    if (ATTRIBUTION_START.test(line)) {
      // Clients wrap long attributions over two or three lines.
      for (let span = 1; span <= 3 && i + span <= lines.length; span++) {
        if (ATTRIBUTION_END.test(lines.slice(i, i + span).join(" "))) return i;
      }
    }
  }
  return lines.length;
}

/**
 * The new text of a reply, without quoted history; the whole text when stripping would leave
 * nothing (a reply that only quotes is kept as it came).
 * @example stripQuotedHistory("Thanks!\n\nOn Mon, 30 Nov 2026, Support wrote:\n> Hello") // "Thanks!"
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept = lines
    .slice(0, historyStart(lines))
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return kept || text.trim();
}
