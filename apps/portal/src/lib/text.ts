/**
 * Text that people write (messages, subjects) as safe HTML: everything is escaped first, then only
 * paragraphs, line breaks, `inline code` and bare http(s) links are added back. No other markup
 * is ever produced, so `<script>`, `javascript:` links or event attributes stay plain text.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes HTML special characters.
 * @example escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

// On escaped text: an http(s) URL runs until whitespace or an escaped quote/bracket.
const URL_RE = /\bhttps?:\/\/[^\s<>]+?(?=(?:&quot;|&#39;|&lt;|&gt;)|[.,;:!?)\]]*(?:\s|$))/g;
const CODE_RE = /`([^`\n]{1,200})`/g;

function linkify(escaped: string): string {
  return escaped.replace(URL_RE, (url) => {
    // The URL is already escaped, so it is safe inside a double-quoted attribute.
    return `<a href="${url}" rel="nofollow noopener noreferrer" target="_blank">${url}</a>`;
  });
}

function inline(line: string): string {
  // Code spans first; links are not made inside them.
  const parts = escapeHtml(line).split(CODE_RE);
  return parts.map((part, i) => (i % 2 === 1 ? `<code>${part}</code>` : linkify(part))).join("");
}

/**
 * A message body as HTML paragraphs (blank lines) with line breaks, code spans and links.
 * @example renderMessage("Hello <b>\n`x`") // "<p>Hello &lt;b&gt;<br><code>x</code></p>"
 */
export function renderMessage(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split("\n").map(inline).join("<br>")}</p>`)
    .join("");
}
