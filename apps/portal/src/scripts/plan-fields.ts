/**
 * The plan fields of the administration (progressive enhancement): the add-ons offered follow the
 * chosen tier at once — those the tier cannot buy are hidden, disabled and unchecked — and the
 * "show the add-ons" button, needed without JavaScript, goes away.
 */

/**
 * Wires every plan fieldset pair on the page.
 * @example enhancePlanFields(document)
 */
export function enhancePlanFields(root: Document): void {
  for (const tiers of root.querySelectorAll<HTMLElement>("[data-plan-tiers]")) {
    const form = tiers.closest("form");
    const addOns = form?.querySelector<HTMLElement>("[data-plan-add-ons]");
    if (!form || !addOns) continue;
    addOns.querySelector<HTMLElement>("[data-plan-refresh]")?.setAttribute("hidden", "");
    const update = () => {
      const chosen = tiers.querySelector<HTMLInputElement>("input[name=tier]:checked");
      const allowed = (chosen?.dataset.addOns ?? "").split(" ").filter(Boolean);
      for (const choice of addOns.querySelectorAll<HTMLElement>("[data-add-on]")) {
        const available = allowed.includes(choice.dataset.addOn ?? "");
        choice.hidden = !available;
        const input = choice.querySelector("input");
        if (input) {
          input.disabled = !available;
          if (!available) input.checked = false;
        }
      }
      const none = addOns.querySelector<HTMLElement>("[data-no-add-ons]");
      if (none) none.hidden = allowed.length > 0;
    };
    tiers.addEventListener("change", update);
    // The module may run after a tier was already chosen (a slow load, a restored form): catch up.
    update();
  }
}
