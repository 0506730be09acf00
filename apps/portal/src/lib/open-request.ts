/**
 * Opening a request from a portal form (ordinary request or quote request): the portal's own
 * checks first (a category the plan allows, a criticality for Premium), then the API, whose
 * problems come back as field errors. Everything typed is returned for the form to keep.
 */
import {
  canOpenRequest,
  isCriticalityId,
  isRequestCategoryId,
  type Locale,
  type RequestCategoryId,
} from "@cirrus/domain";
import type { AstroGlobal } from "astro";
import { translate } from "../i18n/index.ts";
import { errorsFromProblem, type FormErrors, formText, noErrors, withFieldErrors } from "./forms.ts";
import { choosesCriticality, type Plan } from "./plan.ts";
import { callsFor } from "./portal-api.ts";

/** What the form holds, as typed. */
export interface RequestDraft {
  subject: string;
  body: string;
  category: string;
  criticality: string;
  linkedRequestId: string;
}

export const emptyDraft: RequestDraft = {
  subject: "",
  body: "",
  category: "",
  criticality: "",
  linkedRequestId: "",
};

/** Field order of the form, for the error summary. */
export const requestFields = ["subject", "category", "criticality", "body", "files"] as const;

/** Reads the posted draft (the category may be fixed by the form, e.g. quotes). */
export function readDraft(form: FormData, fixedCategory?: RequestCategoryId): RequestDraft {
  return {
    subject: formText(form, "subject", 400),
    body: formText(form, "body", 40_000),
    category: fixedCategory ?? formText(form, "category", 64),
    criticality: formText(form, "criticality", 32),
    linkedRequestId: formText(form, "linkedRequestId", 64),
  };
}

/** The portal's own checks, in the page's language. */
export function checkDraft(
  draft: RequestDraft,
  plan: Plan,
  locale: Locale,
  askCriticality: boolean = choosesCriticality(plan),
): Record<string, string | undefined> {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return {
    category: !isRequestCategoryId(draft.category)
      ? t("new.categoryRequired")
      : !canOpenRequest(plan.tier, plan.addOns, draft.category)
        ? t("new.categoryNotAllowed")
        : undefined,
    criticality:
      askCriticality && !isCriticalityId(draft.criticality) ? t("new.criticalityRequired") : undefined,
  };
}

export type SubmitResult =
  | { ok: true; reference: string }
  | { ok: false; errors: FormErrors; status: number };

/**
 * Checks and sends a draft. Portal checks and API validation are reported together, so the
 * customer fixes everything in one pass.
 */
export async function submitDraft(
  astro: Pick<AstroGlobal, "locals" | "request" | "clientAddress">,
  draft: RequestDraft,
  plan: Plan,
  /** Whether the form asks for a criticality (Premium's ordinary requests; never quote requests). */
  askCriticality: boolean = choosesCriticality(plan),
  /** Uploaded files to attach, and the refusals of files that could not be (the form comes back). */
  files: { readonly ids: readonly string[]; readonly refused?: string | undefined } = { ids: [] },
): Promise<SubmitResult> {
  const refusedFiles = files.refused;
  const locale = astro.locals.locale;
  const own = checkDraft(draft, plan, locale, askCriticality);
  const category = isRequestCategoryId(draft.category) ? draft.category : "usage-question";
  const criticality = askCriticality && isCriticalityId(draft.criticality) ? draft.criticality : undefined;
  if (Object.values(own).some(Boolean) || refusedFiles) {
    // Report the empty text fields at the same time, so everything is fixed in one pass.
    const probe = { subject: draft.subject.trim(), body: draft.body.trim() };
    const errors: Record<string, string | undefined> = { ...own, files: refusedFiles };
    if (!probe.subject) errors.subject = translate(locale, "form.fieldRequired");
    if (!probe.body) errors.body = translate(locale, "form.fieldRequired");
    return { ok: false, errors: withFieldErrors(noErrors, errors), status: 422 };
  }
  const result = await callsFor(astro).openRequest({
    subject: draft.subject,
    body: draft.body,
    category,
    ...(criticality ? { criticality } : {}),
    ...(draft.linkedRequestId ? { linkedRequestId: draft.linkedRequestId } : {}),
    ...(files.ids.length > 0 ? { attachmentIds: [...files.ids] } : {}),
  });
  if (result.ok) return { ok: true, reference: result.data.reference };
  return {
    ok: false,
    errors: errorsFromProblem(result.problem, locale, [...requestFields, "files"], {
      attachmentIds: "files",
    }),
    status: result.problem.status,
  };
}
