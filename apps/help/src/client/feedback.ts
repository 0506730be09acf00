/**
 * "Was this helpful?": sends the reader's answer to the API (POST /v1/feedback, plain JSON; the
 * browser adds the Origin the API checks) and thanks the reader — also when the API is unreachable.
 */
import { clientMessage } from "../i18n/client-messages.ts";

const TIMEOUT_MS = 8000;

async function post(url: string, body: unknown): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.status === 201;
  } catch {
    return false;
  }
}

export async function submit(event: SubmitEvent): Promise<void> {
  const form = event.target as HTMLFormElement;
  const choice = (event.submitter as HTMLButtonElement | null)?.value;
  const lang = document.documentElement.lang;
  const choices = form.querySelector<HTMLElement>(".cs-feedback__choices");
  const more = form.querySelector<HTMLElement>(".cs-feedback__more");
  const comment = form.querySelector<HTMLTextAreaElement>("textarea");
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!choices || !more || !status || form.dataset.state === "sent") return;

  if (choice === "no") {
    // Ask what was missing before sending; the comment stays optional.
    choices.hidden = true;
    more.hidden = false;
    comment?.focus();
    return;
  }
  form.dataset.state = "sent";
  for (const button of form.querySelectorAll("button")) button.disabled = true;
  status.textContent = clientMessage(lang, "sending");
  const text = comment?.value.trim().slice(0, 2000);
  const ok = await post(form.action, {
    article: form.dataset.article,
    locale: lang === "en" ? "en" : "fr",
    helpful: choice === "yes",
    ...(choice !== "yes" && text ? { comment: text } : {}),
  });
  choices.hidden = true;
  more.hidden = true;
  status.textContent = clientMessage(lang, ok ? "thanks" : "fallback");
  status.focus();
}
