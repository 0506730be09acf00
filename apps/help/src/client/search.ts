/**
 * Search as you type in the search box of every page (ARIA combobox with a listbox of articles).
 * Loaded on the first focus of the box; without it, the form still submits to the search page.
 *
 * Two answers per query. The quick answer comes from the suggestion index (titles, descriptions
 * and keywords, src/client/suggestions.ts), computed on the key itself: the listbox shows it with
 * `data-complete="false"` and `aria-busy="true"`. Pagefind's answer (it also searches the body,
 * with the help center's ranking) then replaces it: `data-complete="true"`, the count in the
 * status. Pagefind stays the final word; the quick answer only spares the reader its boot.
 */
import { clientMessage } from "../i18n/client-messages.ts";
import { type Hit, hitOf, loadPagefind, searchArticles } from "./pagefind.ts";
import { hitContent } from "./render-hit.ts";
import { loadSuggestions, type PreparedSuggestions, suggest } from "./suggestions.ts";

const LIMIT = 6;

export function attach(form: HTMLFormElement): void {
  if (form.dataset.ready) return;
  form.dataset.ready = "true";
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!input || !listbox || !status) return;
  const lang = document.documentElement.lang;
  let active = -1;
  let options: HTMLElement[] = [];
  let sequence = 0;
  let shownQuery = "";
  let shownComplete = false;
  /** The reader closed the list (Escape) for the current text: a later answer must not reopen it. */
  let dismissed = false;
  let suggestions: PreparedSuggestions | undefined;
  /** The text Pagefind could not answer (not loaded): its quick answer is all there will be. */
  let failedQuery: string | undefined;

  // Both start on focus, in parallel: the suggestion index (17 kB gzip for 1,000 articles) arrives
  // and is ready long before Pagefind has booted. (Starting Pagefind only once the index was in
  // made no measurable difference to either answer: A/B runs on the 1,000-article bench.)
  const suggestionsLoaded = loadSuggestions(lang).then(
    (index) => {
      suggestions = index;
      return index;
    },
    () => undefined,
  );
  loadPagefind(lang).catch(() => {});

  const current = () => input.value.trim();
  const setOpen = (open: boolean) => {
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) setActive(-1);
  };
  const setActive = (index: number) => {
    options[active]?.setAttribute("aria-selected", "false");
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };
  const option = (id: string, url: string, content: Node, extraClass = "") => {
    const li = document.createElement("li");
    li.id = id;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.className = `cs-hit ${extraClass}`.trim();
    li.dataset.url = url;
    li.append(content);
    return li;
  };

  /** Shows a list for `query`: quick (`total` unknown) or Pagefind's, partial or complete. */
  const render = (query: string, total: number | undefined, hits: readonly Hit[], complete: boolean) => {
    const prefix = `${listbox.id}-option`;
    options = hits.map((hit, i) => option(`${prefix}-${i}`, hit.url, hitContent(hit)));
    if (hits.length > 0 && (complete || total === undefined)) {
      const all = new URL(form.action);
      all.searchParams.set("q", query);
      const label = document.createTextNode(clientMessage(lang, "all", { query }));
      options.push(option(`${prefix}-all`, all.pathname + all.search, label, "cs-hit--all"));
    }
    // When a list replaces another for the same query (quick → Pagefind), the highlighted article
    // stays highlighted if it is still listed (by URL: its position may change); else none.
    const activeUrl = query === shownQuery ? options[active]?.dataset.url : undefined;
    shownQuery = query;
    shownComplete = complete;
    listbox.replaceChildren(...options);
    active = -1;
    setActive(activeUrl === undefined ? -1 : options.findIndex((o) => o.dataset.url === activeUrl));
    listbox.dataset.query = query;
    listbox.dataset.complete = String(complete);
    listbox.setAttribute("aria-busy", String(!complete && failedQuery !== query));
    if (complete) {
      status.textContent =
        total === 0
          ? clientMessage(lang, "none", { query })
          : clientMessage(lang, total === 1 ? "one" : "many", { count: total ?? 0 });
    }
    setOpen(options.length > 0 && !dismissed && form.contains(document.activeElement));
  };

  /** The quick answer, on the key itself once the index is in (else as soon as it arrives). */
  const quick = (query: string) => {
    const show = (index: PreparedSuggestions | undefined) => {
      // Never over Pagefind's answer for the same text, nor for a text the reader has changed.
      if (!index || query !== current() || (shownQuery === query && shownComplete)) return;
      const hits = suggest(index, query, LIMIT);
      // No match in titles, descriptions and keywords: wait for Pagefind (it searches the body).
      if (hits.length > 0) render(query, undefined, hits, false);
    };
    if (suggestions) show(suggestions);
    else suggestionsLoaded.then(show);
  };

  const run = async () => {
    const query = current();
    const mine = ++sequence;
    // A newer key, or a newer search, makes this one's answer stale.
    const stale = () => mine !== sequence || query !== current();
    if (!query) return;
    try {
      const results = await searchArticles(lang, query);
      if (stale()) return;
      const hits = results.slice(0, LIMIT).map(hitOf);
      const [first] = hits;
      // Without a quick answer on screen, show the best match as soon as its data arrives; over a
      // quick answer, wait for the whole list (replacing six suggestions by one would flicker).
      if (first && shownQuery !== query) {
        const hit = await first;
        if (stale()) return;
        render(query, results.length, [hit], false);
      }
      const all = await Promise.all(hits);
      if (stale()) return;
      render(query, results.length, all, true);
    } catch {
      if (stale()) return;
      failedQuery = query;
      status.textContent = clientMessage(lang, "unavailable");
      // A quick answer on screen stays (it is all there is), no longer announced as being updated.
      listbox.setAttribute("aria-busy", "false");
    }
  };

  // Pagefind searches one at a time; while one runs, keep only the latest query for when it ends.
  let running = false;
  let pending = false;
  const request = () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    run().finally(() => {
      running = false;
      if (pending) {
        pending = false;
        request();
      }
    });
  };
  const onInput = () => {
    dismissed = false;
    failedQuery = undefined;
    const query = current();
    if (!query) {
      sequence++;
      options = [];
      shownQuery = "";
      listbox.replaceChildren();
      delete listbox.dataset.query;
      delete listbox.dataset.complete;
      listbox.removeAttribute("aria-busy");
      status.textContent = "";
      setOpen(false);
      return;
    }
    quick(query);
    request();
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) {
        dismissed = false;
        if (options.length > 0) setOpen(true);
        return;
      }
      event.preventDefault();
      // Cycle through the options and back to the text box (position -1).
      let next = active + (event.key === "ArrowDown" ? 1 : -1);
      if (next >= options.length) next = -1;
      else if (next < -1) next = options.length - 1;
      setActive(next);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      const url = options[active]?.dataset.url;
      if (url) location.assign(url);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        dismissed = true;
        setOpen(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        onInput();
      }
    }
  });
  listbox.addEventListener("pointerdown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const url = (event.target as Element).closest<HTMLElement>('[role="option"]')?.dataset.url;
    if (url) location.assign(url);
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  input.addEventListener("focus", () => {
    if (options.length > 0 && !dismissed) setOpen(true);
  });

  // Typed before the script arrived: search right away.
  if (current()) onInput();
}
