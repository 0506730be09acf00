/**
 * The search page: reads `?q=`, lists matching articles, keeps the URL in step with the query,
 * and lets the keyboard move between the box and the results (arrows, Escape).
 */
import { clientMessage } from "../i18n/client-messages.ts";
import { hitOf, loadPagefind, searchArticles } from "./pagefind.ts";
import { hitContent } from "./render-hit.ts";

const LIMIT = 30;

const form = document.querySelector<HTMLFormElement>("form[data-search-page]");
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const list = document.querySelector<HTMLOListElement>("#search-results");
const status = document.querySelector<HTMLElement>("#search-status");
const lang = document.documentElement.lang;
let sequence = 0;

async function run(query: string): Promise<void> {
  if (!list || !status) return;
  const mine = ++sequence;
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = clientMessage(lang, "loading");
  try {
    const results = await searchArticles(lang, query);
    const total = results.length;
    const hits = await Promise.all(results.slice(0, LIMIT).map(hitOf));
    if (mine !== sequence) return;
    list.replaceChildren(
      ...hits.map((hit) => {
        const li = document.createElement("li");
        li.className = "cs-result";
        const link = document.createElement("a");
        link.href = hit.url;
        link.append(hitContent(hit));
        li.append(link);
        return li;
      }),
    );
    status.textContent =
      total === 0
        ? clientMessage(lang, "none", { query })
        : clientMessage(lang, total === 1 ? "one" : "many", { count: total });
  } catch {
    if (mine === sequence) status.textContent = clientMessage(lang, "unavailable");
  }
}

if (form && input && list) {
  // Load Pagefind with the page, not on the first query: the reader came here to search.
  loadPagefind(lang).catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const initial = new URLSearchParams(location.search).get("q") ?? "";
  input.value = initial;
  run(initial.trim());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value.trim());
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value.trim()), 80);
  });
  // Arrow keys: from the box into the results and between them; Escape: back to the box.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>("a")];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      input.focus();
    }
  });
}
