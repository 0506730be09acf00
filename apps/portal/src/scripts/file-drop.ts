/**
 * Browser-side enhancement of file fields (components/FileField.astro); the plain file input works
 * without it. Adds a drop zone, lists the chosen files with their sizes, and checks them against
 * the domain's limits and allow-list before anything is sent, so a too-large or refused file is
 * reported at once instead of after the upload. The server checks again (by content).
 */
import { formatFileSize, hasAcceptedExtension } from "@cirrus/domain";

/** A message template of the field (data-msg-*, in the page's language), placeholders filled. */
function say(
  field: HTMLElement,
  key: "type" | "size" | "count" | "total" | "remove",
  params: Record<string, string> = {},
) {
  const template = field.dataset[`msg${key[0]?.toUpperCase()}${key.slice(1)}`] ?? "";
  return template.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** Problems with the chosen files, in the page's language (empty when they may be sent). */
function check(field: HTMLElement, files: readonly File[]): string[] {
  const maxFiles = Number(field.dataset.maxFiles);
  const maxFile = Number(field.dataset.maxFileBytes);
  const maxMessage = Number(field.dataset.maxMessageBytes);
  const keptBoxes = [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')];
  const keptBytes = keptBoxes.reduce((sum, box) => sum + Number(box.dataset.size ?? 0), 0);
  const problems: string[] = [];
  for (const file of files) {
    if (!hasAcceptedExtension(file.name)) problems.push(say(field, "type", { name: file.name }));
    else if (file.size > maxFile)
      problems.push(say(field, "size", { name: file.name, max: field.dataset.maxSizeLabel ?? "" }));
  }
  if (files.length + keptBoxes.length > maxFiles) problems.push(say(field, "count"));
  const total = files.reduce((sum, f) => sum + f.size, keptBytes);
  if (total > maxMessage) problems.push(say(field, "total"));
  return problems;
}

function enhance(field: HTMLElement): void {
  const input = field.querySelector<HTMLInputElement>('input[type="file"]');
  const zone = field.querySelector<HTMLElement>("[data-drop-zone]");
  const list = field.querySelector<HTMLUListElement>("[data-chosen]");
  const errors = field.querySelector<HTMLElement>("[data-check-errors]");
  const prompt = field.querySelector<HTMLElement>("[data-drop-prompt]");
  const form = field.closest("form");
  if (!input || !zone || !list || !errors || !form) return;
  const locale = field.dataset.locale === "en" ? "en" : "fr";
  zone.classList.add("file-field__zone--enhanced");
  if (prompt) prompt.hidden = false;
  field.querySelector("[data-choose]")?.addEventListener("click", () => input.click());

  const render = () => {
    const files = [...(input.files ?? [])];
    list.replaceChildren(
      ...files.map((file, index) => {
        const item = document.createElement("li");
        item.textContent = `${file.name} (${formatFileSize(file.size, locale)}) `;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button";
        remove.textContent = say(field, "remove", { name: file.name });
        remove.addEventListener("click", () => {
          const kept = new DataTransfer();
          for (const [i, f] of files.entries()) if (i !== index) kept.items.add(f);
          input.files = kept.files;
          render();
        });
        item.append(remove);
        return item;
      }),
    );
    list.hidden = files.length === 0;
    const problems = check(field, files);
    errors.hidden = problems.length === 0;
    errors.replaceChildren(
      ...problems.map((p) => Object.assign(document.createElement("span"), { textContent: p })),
    );
    input.setAttribute("aria-invalid", problems.length > 0 ? "true" : "false");
    return problems;
  };

  input.addEventListener("change", render);
  field.addEventListener("change", (event) => {
    if ((event.target as HTMLElement).matches('input[type="checkbox"]')) render();
  });
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("file-field__zone--over");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    zone.addEventListener(type, () => zone.classList.remove("file-field__zone--over"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (dropped.length === 0) return;
    const all = new DataTransfer();
    for (const file of [...(input.files ?? []), ...dropped]) all.items.add(file);
    input.files = all.files;
    render();
  });
  form.addEventListener("submit", (event) => {
    if (render().length > 0) {
      event.preventDefault();
      errors.focus?.();
      input.focus();
    }
  });
}

/** Enhances every file field of the page. */
export function enhanceFileFields(): void {
  for (const field of document.querySelectorAll<HTMLElement>("[data-file-field]")) enhance(field);
}
