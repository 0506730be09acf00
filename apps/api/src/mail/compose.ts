/**
 * One mail body, two renderings: the templates describe a mail as blocks (paragraphs, a quoted
 * text, facts, links) and this turns them into plain text and simple HTML. Every piece of text is
 * escaped here, once, so user-typed text can never inject markup.
 */

import type { Locale } from "@cirrus/domain";
import { escapeHtml } from "../html.ts";

export type Block =
  | { readonly p: string }
  | { readonly quote: string }
  | { readonly facts: ReadonlyArray<readonly [label: string, value: string]> }
  | { readonly link: string; readonly label: string };

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Lines of text as HTML, line breaks kept. */
function htmlLines(text: string): string {
  return text.split("\n").map(escapeHtml).join("<br>\n");
}

/** Only our own web links become `href`s (never `javascript:` or the like). */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

function blockText(block: Block, locale: Locale): string {
  if ("p" in block) return block.p;
  if ("quote" in block)
    return block.quote
      .split("\n")
      .map((line) => (line ? `| ${line}` : "|"))
      .join("\n");
  // French puts a (non-breaking) space before the colon; English does not.
  const colon = locale === "fr" ? "\u00a0:" : ":";
  if ("facts" in block) return block.facts.map(([label, value]) => `${label}${colon} ${value}`).join("\n");
  return `${block.label}\n${block.link}`;
}

function blockHtml(block: Block): string {
  if ("p" in block) return `<p>${htmlLines(block.p)}</p>`;
  if ("quote" in block) {
    return `<blockquote style="margin:0 0 1em;padding:0 0 0 1em;border-left:3px solid #c7d2e0;color:#1f2937">${htmlLines(block.quote)}</blockquote>`;
  }
  if ("facts" in block) {
    const rows = block.facts
      .map(
        ([label, value]) =>
          `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:600">${escapeHtml(label)}</th><td style="padding:2px 0">${htmlLines(value)}</td></tr>`,
      )
      .join("");
    return `<table role="presentation" style="border-collapse:collapse;margin:0 0 1em">${rows}</table>`;
  }
  const href = safeHref(block.link);
  return href
    ? `<p><a href="${href}">${escapeHtml(block.label)}</a></p>`
    : `<p>${escapeHtml(block.link)}</p>`;
}

/**
 * Renders a mail: plain text (blocks separated by blank lines) and a small HTML document.
 * @example renderMail("fr", "Sujet", [{ p: "Bonjour," }, { link: "https://…", label: "Voir" }])
 */
export function renderMail(locale: Locale, subject: string, blocks: readonly Block[]): RenderedMail {
  const text = blocks.map((block) => blockText(block, locale)).join("\n\n");
  const body = blocks.map(blockHtml).join("\n");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#111827;max-width:640px">
${body}
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}
