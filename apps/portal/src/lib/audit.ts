/**
 * The audit log in words: an action's label, and each changed field as "label: before → after" with
 * business values named by the domain (tiers, add-ons, roles, languages) and dates in Paris time.
 */
import type { Locale } from "@cirrus/domain";
import { type MessageKey, translate } from "../i18n/index.ts";
import type { AuditEntry } from "./admin-api.ts";
import { formatShortDateTime } from "./format.ts";
import { optionLabel, roleLabel, tierLabel } from "./labels.ts";

const actionKeys: Readonly<Record<string, MessageKey>> = {
  "organization.create": "audit.action.organization.create",
  "organization.update": "audit.action.organization.update",
  "user.update": "audit.action.user.update",
  "user.disable": "audit.action.user.disable",
  "user.enable": "audit.action.user.enable",
  "invitation.create": "audit.action.invitation.create",
  "invitation.resend": "audit.action.invitation.resend",
  "invitation.revoke": "audit.action.invitation.revoke",
};

const fieldKeys: Readonly<Record<string, MessageKey>> = {
  name: "audit.field.name",
  tier: "audit.field.tier",
  addOns: "audit.field.addOns",
  role: "audit.field.role",
  locale: "audit.field.locale",
  email: "audit.field.email",
  organizationId: "audit.field.organizationId",
  expiresAt: "audit.field.expiresAt",
  disabledAt: "audit.field.disabledAt",
  revokedAt: "audit.field.revokedAt",
  id: "audit.field.id",
};

/** Preferred order of fields in a change list. */
const fieldOrder = Object.keys(fieldKeys);

/**
 * An action in words; an unknown action is shown as recorded.
 * @example auditActionLabel("organization.update", "fr") // "Modification de l’organisation"
 */
export function auditActionLabel(action: string, locale: Locale): string {
  const key = actionKeys[action];
  return key ? translate(locale, key) : action;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * One recorded value in words.
 * @example auditValue("tier", "premium", "fr") // "Support Premium"
 */
export function auditValue(
  field: string,
  value: unknown,
  locale: Locale,
  organizations: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value
      .map((item) => (field === "addOns" ? optionLabel(String(item), locale) : String(item)))
      .join(", ");
  }
  if (typeof value === "string") {
    if (field === "tier") return tierLabel(value, locale);
    if (field === "role") return roleLabel(value, locale);
    if (field === "locale")
      return value === "fr" || value === "en" ? translate(locale, `lang.${value}`) : value;
    if (field === "organizationId") return organizations.get(value) ?? value;
    if (ISO_INSTANT.test(value)) return formatShortDateTime(value, locale);
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export interface AuditChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/**
 * The fields an entry changed, in a stable order, before and after in words (a creation has no
 * "before": it shows "—").
 * @example auditChanges(entry, "fr")[0] // { field: "tier", label: "Offre", before: "Client Payant", after: "Support Premium" }
 */
export function auditChanges(
  entry: Pick<AuditEntry, "before" | "after">,
  locale: Locale,
  organizations: ReadonlyMap<string, string> = new Map(),
): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => {
    const ia = fieldOrder.indexOf(a);
    const ib = fieldOrder.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return fields.map((field) => {
    const key = fieldKeys[field];
    return {
      field,
      label: key ? translate(locale, key) : field,
      before: auditValue(field, before[field], locale, organizations),
      after: auditValue(field, after[field], locale, organizations),
    };
  });
}
