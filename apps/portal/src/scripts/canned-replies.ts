/**
 * Canned replies on the agent's request page, as progressive enhancement: "Insert" puts the chosen
 * text into the message at once, where the cursor is (at the end, after a blank line, when the
 * message was not edited yet), instead of posting the form to have the page do it. The text comes
 * from the option's `data-body`; a polite live region says what was inserted.
 */

/**
 * Wires the insert button of the reply form, if the page has one.
 * @example enhanceCannedReplies(document)
 */
export function enhanceCannedReplies(root: Document): void {
  const button = root.querySelector<HTMLButtonElement>("[data-canned-insert]");
  const select = root.querySelector<HTMLSelectElement>("#field-canned");
  const body = root.querySelector<HTMLTextAreaElement>("#field-body");
  const status = root.getElementById("canned-status");
  if (!button || !select || !body) return;
  let edited = false;
  body.addEventListener("input", () => {
    edited = true;
  });

  button.addEventListener("click", (event) => {
    const option = select.selectedOptions[0];
    const text = option?.dataset.body;
    // Nothing chosen: let the form post, and the page explains.
    if (!option || !text) return;
    event.preventDefault();
    const value = body.value;
    if (!edited || body.selectionStart === value.length) {
      const kept = value.replace(/\s+$/, "");
      body.value = kept ? `${kept}\n\n${text}` : text;
      body.setSelectionRange(body.value.length, body.value.length);
    } else {
      body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
    }
    edited = true;
    body.focus();
    if (status) status.textContent = (status.dataset.template ?? "").replace("{title}", option.text);
  });
}
