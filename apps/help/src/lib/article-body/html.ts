/** Serializes the HTML elements of a hast tree (what Markdown produces) to a string. */

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/**
 * Escapes text content.
 * @example escapeText("a < b & c") // "a &lt; b &amp; c"
 */
export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** hast property name → HTML attribute name (`className` → `class`, `ariaLabel` → `aria-label`). */
export function attributeName(property: string): string {
  if (property === "className") return "class";
  if (property === "htmlFor") return "for";
  if (/^(aria|data)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

/**
 * The attributes of an element, in source order (`properties` of a hast element).
 * @example attributes({ href: "/x/", className: ["a", "b"], hidden: true }) // ' href="/x/" class="a b" hidden'
 */
export function attributes(properties: Record<string, unknown> | undefined): string {
  let out = "";
  for (const [property, value] of Object.entries(properties ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    const name = attributeName(property);
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(" ") : String(value))}"`;
  }
  return out;
}

/**
 * The opening tag of an element.
 * @example openTag("a", { href: "/x/" }) // '<a href="/x/">'
 */
export function openTag(tagName: string, properties?: Record<string, unknown>): string {
  return `<${tagName}${attributes(properties)}>`;
}

/**
 * The closing tag of an element (nothing for void elements).
 * @example closeTag("br") // ""
 */
export function closeTag(tagName: string): string {
  return VOID.has(tagName) ? "" : `</${tagName}>`;
}
