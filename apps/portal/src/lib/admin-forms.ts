/**
 * What the administration's forms read: an organization's plan (tier and add-ons, add-ons limited to
 * what the chosen tier can buy), and the invitation form.
 */
import {
  isLocale,
  isRoleId,
  isStaff,
  isSupportOptionId,
  isTierId,
  type Locale,
  purchasableAddOns,
  type SupportOptionId,
  type TierId,
} from "@cirrus/domain";
import { translate } from "../i18n/index.ts";
import { formText } from "./forms.ts";

export interface PlanDraft {
  name: string;
  tier: TierId;
  addOns: SupportOptionId[];
}

/**
 * The posted organization form. Add-ons the chosen tier cannot buy are left out: the form offers
 * only the tier's (a stale box ticked before changing tier without JavaScript is not a choice).
 * @example readPlan(form).tier
 */
export function readPlan(form: FormData, fallbackTier: TierId = "paying"): PlanDraft {
  const tierValue = formText(form, "tier", 16);
  const tier = isTierId(tierValue) ? tierValue : fallbackTier;
  const allowed = purchasableAddOns(tier);
  const addOns = form
    .getAll("addOns")
    .filter((value): value is SupportOptionId => isSupportOptionId(value) && allowed.includes(value));
  return { name: formText(form, "name", 400), tier, addOns: [...new Set(addOns)] };
}

export interface InvitationDraft {
  email: string;
  name: string;
  role: string;
  organizationId: string;
  locale: string;
}

/** The posted invitation form, as typed. */
export function readInvitation(form: FormData): InvitationDraft {
  return {
    email: formText(form, "email", 254).trim(),
    name: formText(form, "name", 200),
    role: formText(form, "role", 16),
    organizationId: formText(form, "organizationId", 64),
    locale: formText(form, "locale", 5),
  };
}

/**
 * The portal's own checks of an invitation (the API checks again): a role, an organization for a
 * customer and none for staff.
 */
export function checkInvitation(draft: InvitationDraft, locale: Locale): Record<string, string | undefined> {
  const required = translate(locale, "form.fieldRequired");
  return {
    email: draft.email ? undefined : required,
    name: draft.name.trim() ? undefined : required,
    role: isRoleId(draft.role) ? undefined : required,
    organizationId:
      draft.role === "customer" && !draft.organizationId
        ? translate(locale, "inv.organizationRequired")
        : isRoleId(draft.role) && isStaff(draft.role) && draft.organizationId
          ? translate(locale, "inv.organizationForbidden")
          : undefined,
    locale: isLocale(draft.locale) ? undefined : required,
  };
}
