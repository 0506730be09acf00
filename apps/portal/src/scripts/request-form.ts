/**
 * Browser-side enhancement of the new-request form (the form works without it):
 * - ticket deflection: while the subject is typed, the help center's articles that match are
 *   suggested from its Pagefind index (loaded from the help center's origin, allowed by the CSP);
 * - the draft is kept in sessionStorage, so opening an article (or going back) loses nothing.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options?: Record<string, unknown>,
    debounceMs?: number,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const FIELDS = ["subject", "body", "category", "criticality"] as const;

/** Plain text of Pagefind's excerpt (which marks matches with HTML), without running any of it. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
}

function keepDraft(form: HTMLFormElement): void {
  const key = form.dataset.draftKey;
  if (!key) return;
  const read = () => {
    const data = new FormData(form);
    const draft: Record<string, string> = {};
    for (const name of FIELDS) {
      const value = data.get(name);
      if (typeof value === "string" && value) draft[name] = value;
    }
    return draft;
  };
  const untouched = FIELDS.every((name) => {
    const value = new FormData(form).get(name);
    return !value || name === "category";
  });
  const saved = sessionStorage.getItem(key);
  // Restore only into an untouched form (a server-rendered form after an error already holds the text).
  if (saved && untouched) {
    try {
      const draft = JSON.parse(saved) as Record<string, string>;
      let restored = false;
      for (const name of FIELDS) {
        const value = draft[name];
        if (!value) continue;
        const elements = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
        for (const element of elements) {
          if (element instanceof HTMLInputElement && element.type === "radio") {
            if (element.value === value && !element.disabled) element.checked = true;
          } else {
            element.value = value;
            restored = true;
          }
        }
      }
      if (restored) document.getElementById("draft-restored")?.removeAttribute("hidden");
    } catch {
      sessionStorage.removeItem(key);
    }
  }
  form.addEventListener("input", () => sessionStorage.setItem(key, JSON.stringify(read())));
  form.addEventListener("change", () => sessionStorage.setItem(key, JSON.stringify(read())));
  form.addEventListener("submit", () => sessionStorage.removeItem(key));
}

function suggestArticles(input: HTMLInputElement, box: HTMLElement): void {
  const helpUrl = box.dataset.helpUrl;
  const bundle = box.dataset.searchBundle;
  if (!helpUrl || !bundle) return;
  const list = box.querySelector("ul");
  if (!list) return;
  let pagefind: Promise<Pagefind | null> | null = null;
  const load = () => {
    pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`)
      .then(async (module: Pagefind) => {
        // As apps/help/README.md says: no Worker (it cannot start cross-origin), the help
        // center's own ranking, and init() early to hide the latency.
        await module.options({ noWorker: true, ranking: { metaWeights: { keywords: 10, title: 1 } } });
        await module.init();
        return module;
      })
      .catch(() => null); // help center unreachable: no suggestions, the form still works
    return pagefind;
  };
  const show = (items: PagefindResultData[]) => {
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        // Only http(s) URLs from the help center's own index.
        const url = new URL(item.url, `${helpUrl}/`);
        if (url.protocol === "http:" || url.protocol === "https:") a.href = url.href;
        a.target = "_blank";
        a.rel = "noopener";
        a.textContent = item.meta.title ?? url.pathname;
        const excerpt = document.createElement("span");
        excerpt.className = "small muted";
        excerpt.textContent = ` — ${item.meta.description ?? plainText(item.excerpt)}`;
        li.append(a, excerpt);
        return li;
      }),
    );
    box.hidden = items.length === 0;
  };
  const search = async () => {
    const query = input.value.trim();
    if (query.length < 3) {
      show([]);
      return;
    }
    const engine = await load();
    if (!engine) return;
    const found = await engine.debouncedSearch(query, { filters: {} }, 150);
    if (!found) return; // superseded by a newer keystroke
    show(await Promise.all(found.results.slice(0, 5).map((r) => r.data())));
  };
  input.addEventListener("input", () => void search());
  // Load the index as soon as the customer starts on the form, not at the first search.
  input.addEventListener("focus", () => void load(), { once: true });
  if (input.value.trim()) void search();
}

/** Wires both enhancements on the page, if its form is there. */
export function enhanceRequestForm(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-draft-key]");
  if (form) keepDraft(form);
  const input = document.querySelector<HTMLInputElement>("#field-subject");
  const box = document.getElementById("suggestions");
  if (input && box) suggestArticles(input, box);
}
