/**
 * The row actions of the administration's tables, posted to whichever page shows the table (users
 * list, an organization's page, invitations): disable / enable a user, change a staff role, resend or
 * cancel an invitation. After success the page redirects with `done` (and who, for the message).
 */
import { isRoleId, type Locale } from "@cirrus/domain";
import { type MessageKey, translate } from "../i18n/index.ts";
import type { Problem } from "./api.ts";
import { errorsFromProblem, type FormErrors, formText } from "./forms.ts";
import type { PortalApi } from "./portal-api.ts";

export type AdminAction = "disable" | "enable" | "role" | "resend" | "revoke";
const actions: readonly string[] = ["disable", "enable", "role", "resend", "revoke"];

export type ActionOutcome = { ok: true; query: string } | { ok: false; errors: FormErrors; status: number };

/**
 * Runs the posted row action; null when the form is not one.
 * @example const outcome = await runAdminAction(callsFor(Astro), form, locale)
 */
export async function runAdminAction(
  calls: PortalApi,
  form: FormData,
  locale: Locale,
): Promise<ActionOutcome | null> {
  const intent = formText(form, "intent", 20);
  if (!actions.includes(intent)) return null;
  const userId = formText(form, "user", 64);
  const who = formText(form, "who", 200);
  const query = (done: string) => `done=${done}${who ? `&who=${encodeURIComponent(who)}` : ""}`;
  let result: { ok: true } | { ok: false; problem: Problem };
  let done: string;
  switch (intent as AdminAction) {
    case "disable":
      result = await calls.admin.disableUser(userId);
      done = "disabled";
      break;
    case "enable":
      result = await calls.admin.enableUser(userId);
      done = "enabled";
      break;
    case "role": {
      const role = formText(form, "role", 16);
      result = isRoleId(role)
        ? await calls.admin.updateUser(userId, { role })
        : { ok: false, problem: { status: 422, code: "validation-failed", title: "", errors: [] } };
      done = "role";
      break;
    }
    case "resend":
      result = await calls.admin.resendInvitation(formText(form, "invitation", 64));
      done = "resent";
      break;
    default:
      result = await calls.admin.revokeInvitation(formText(form, "invitation", 64));
      done = "revoked";
  }
  if (result.ok) return { ok: true, query: query(done) };
  return { ok: false, errors: errorsFromProblem(result.problem, locale, []), status: result.problem.status };
}

const doneKeys: Readonly<Record<string, MessageKey>> = {
  disabled: "users.done.disabled",
  enabled: "users.done.enabled",
  role: "users.done.role",
  resent: "inv.done.resent",
  revoked: "inv.done.revoked",
  sent: "inv.done.sent",
};

/**
 * The success message after a row action (from `?done=…&who=…`), or null.
 * @example doneMessage(new URLSearchParams("done=enabled&who=Anne"), "fr") // "Anne\u00a0: compte réactivé."
 */
export function doneMessage(params: URLSearchParams, locale: Locale): string | null {
  const key = doneKeys[params.get("done") ?? ""];
  if (!key) return null;
  const who = (params.get("who") ?? "").slice(0, 200);
  return translate(locale, key, { name: who, email: who });
}
