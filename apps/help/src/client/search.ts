/**
 * Search as you type in the search box of every page (ARIA combobox with a listbox of articles).
 * Loaded on the first focus of the box; without it, the form still submits to the search page.
 */
import { clientMessage } from "../i18n/client-messages.ts";
import { type Hit, hitOf, loadPagefind, searchArticles } from "./pagefind.ts";
import { hitContent } from "./render-hit.ts";

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

  loadPagefind(lang).catch(() => {});

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

  const render = (query: string, total: number, hits: readonly Hit[], complete: boolean) => {
    const prefix = `${listbox.id}-option`;
    options = hits.map((hit, i) => option(`${prefix}-${i}`, hit.url, hitContent(hit)));
    if (complete && total > 0) {
      const all = new URL(form.action);
      all.searchParams.set("q", query);
      const label = document.createTextNode(clientMessage(lang, "all", { query }));
      options.push(option(`${prefix}-all`, all.pathname + all.search, label, "cs-hit--all"));
    }
    // Keep the highlighted suggestion when the same query's list grows; else none.
    const activeId = query === shownQuery ? listbox.querySelector('[aria-selected="true"]')?.id : undefined;
    shownQuery = query;
    listbox.replaceChildren(...options);
    active = -1;
    setActive(options.findIndex((o) => o.id === activeId));
    listbox.dataset.query = query;
    listbox.dataset.complete = String(complete);
    if (complete) {
      status.textContent =
        total === 0
          ? clientMessage(lang, "none", { query })
          : clientMessage(lang, total === 1 ? "one" : "many", { count: total });
    }
    setOpen(options.length > 0);
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) {
      options = [];
      listbox.replaceChildren();
      delete listbox.dataset.query;
      delete listbox.dataset.complete;
      status.textContent = "";
      setOpen(false);
      return;
    }
    try {
      const results = await searchArticles(lang, query);
      if (mine !== sequence) return;
      // Show the best match as soon as its data arrives, then the others.
      const hits = results.slice(0, LIMIT).map(hitOf);
      const [first] = hits;
      if (first) {
        const hit = await first;
        if (mine !== sequence) return;
        render(query, results.length, [hit], false);
      }
      const all = await Promise.all(hits);
      if (mine !== sequence) return;
      render(query, results.length, all, true);
    } catch {
      if (mine === sequence) status.textContent = clientMessage(lang, "unavailable");
    }
  };

  // Search at once; while a search runs, keep only the latest query for when it ends.
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
  input.addEventListener("input", request);
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) {
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
        setOpen(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        request();
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
    if (options.length > 0) setOpen(true);
  });

  // Typed before the script arrived: search right away.
  if (input.value.trim()) request();
}
