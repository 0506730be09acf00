/**
 * Keyboard shortcuts of the queue, as progressive enhancement (the queue is an ordinary table of
 * links without it): j / k move to the next / previous request (its link takes the focus, so Enter
 * opens it), / goes to the search box. Keys typed in a form field, or with Ctrl, Alt or Meta, are
 * left alone. The hint that tells about the keys is shown only when they work.
 */

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Installs the shortcuts on a page that has the queue table.
 * @example enhanceQueue(document)
 */
export function enhanceQueue(root: Document): void {
  const table = root.getElementById("queue");
  const links = () => [...root.querySelectorAll<HTMLAnchorElement>("#queue a[data-queue-link]")];
  const hint = root.getElementById("queue-keys-hint");
  if (hint && table) hint.hidden = false;
  const search = root.getElementById("field-q");

  root.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    if (event.key === "/" && search instanceof HTMLInputElement) {
      event.preventDefault();
      search.focus();
      search.select();
      return;
    }
    if (event.key !== "j" && event.key !== "k") return;
    const all = links();
    if (all.length === 0) return;
    const current = all.indexOf(root.activeElement as HTMLAnchorElement);
    const next =
      current === -1
        ? event.key === "j"
          ? 0
          : all.length - 1
        : Math.min(all.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
    event.preventDefault();
    const link = all[next];
    link?.focus();
    link?.closest("tr")?.scrollIntoView({ block: "nearest" });
  });
}
