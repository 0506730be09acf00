/**
 * The only JavaScript an article page carries before the reader acts: two event attributes that
 * import a script on first use (search box focused, feedback button pressed). Kept here so the
 * server can allow exactly these in its Content-Security-Policy (sha256 + 'unsafe-hashes').
 */
import { createHash } from "node:crypto";

/**
 * `onfocusin` of a search form: loads the search script and hands it the form.
 * @example searchFocusHandler("/_help/search.abc.js") // "import('/_help/search.abc.js').then(m=>m.attach(this))"
 */
export function searchFocusHandler(scriptUrl: string): string {
  return `import('${scriptUrl}').then(m=>m.attach(this))`;
}

/**
 * `onsubmit` of the feedback form: keeps the page, loads the feedback script, sends the answer.
 * @example feedbackSubmitHandler("/_help/feedback.abc.js").startsWith("event.preventDefault()") // true
 */
export function feedbackSubmitHandler(scriptUrl: string): string {
  return `event.preventDefault();import('${scriptUrl}').then(m=>m.submit(event))`;
}

/**
 * The CSP source expression allowing one inline handler.
 * @example cspHash("x").startsWith("'sha256-") // true
 */
export function cspHash(handler: string): string {
  return `'sha256-${createHash("sha256").update(handler).digest("base64")}'`;
}
