/**
 * The administration's API calls (`/v1/admin/…`), typed by the API's contract: organizations
 * (tier, add-ons), users (role, disable/enable) and invitations. Reads throw `ApiError`; writes
 * return `attempt` results for forms.
 */
import type { Locale, RoleId, SupportOptionId, TierId } from "@cirrus/domain";
import type { InferResponseType } from "hono/client";
import { type Api, ApiError, attempt, ok } from "./api.ts";

type AdminApi = Api["v1"]["admin"];
export type OrganizationPage = InferResponseType<AdminApi["organizations"]["$get"], 200>;
export type AdminOrganization = OrganizationPage["items"][number];
export type OrganizationDetail = InferResponseType<AdminApi["organizations"][":id"]["$get"], 200>;
export type UserPage = InferResponseType<AdminApi["users"]["$get"], 200>;
export type AdminUser = UserPage["items"][number];
export type InvitationPage = InferResponseType<AdminApi["invitations"]["$get"], 200>;
export type AdminInvitation = InvitationPage["items"][number];
export type AuditPage = InferResponseType<AdminApi["audit"]["$get"], 200>;
export type AuditEntry = AuditPage["items"][number];

export const auditEntityTypes = ["organization", "user", "invitation"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export interface PageQuery {
  limit: number;
  offset: number;
}

export interface OrganizationInput {
  name: string;
  tier: TierId;
  addOns: SupportOptionId[];
}

export interface InvitationInput {
  email: string;
  name: string;
  role: RoleId;
  organizationId?: string | undefined;
  locale: Locale;
}

/** Query values as the typed client takes them (strings), without the empty ones. */
function pageQuery(page: PageQuery, extra: Record<string, string | undefined> = {}) {
  const query: Record<string, string> = { limit: String(page.limit), offset: String(page.offset) };
  for (const [key, value] of Object.entries(extra)) if (value) query[key] = value;
  return query;
}

/**
 * The admin calls over the typed client.
 * @example const orgs = await adminCalls(api(caller).v1).organizations({ limit: 20, offset: 0 })
 */
export function adminCalls(v1: Api["v1"]) {
  const admin = v1.admin;
  const organization = admin.organizations[":id"];
  const user = admin.users[":id"];
  const invitation = admin.invitations[":id"];
  return {
    organizations: async (page: PageQuery & { q?: string | undefined }) =>
      ok(await admin.organizations.$get({ query: pageQuery(page, { q: page.q }) })),
    /** One organization with its users, pending invitations and latest requests, or null. */
    organization: async (id: string): Promise<OrganizationDetail | null> => {
      try {
        return await ok(await organization.$get({ param: { id } }));
      } catch (error) {
        if (error instanceof ApiError && (error.problem.status === 404 || error.problem.status === 422))
          return null;
        throw error;
      }
    },
    createOrganization: (input: OrganizationInput) =>
      attempt(() => admin.organizations.$post({ json: input })),
    updateOrganization: (id: string, changes: Partial<OrganizationInput>) =>
      attempt(() => organization.$patch({ param: { id }, json: changes })),

    users: async (
      page: PageQuery & {
        q?: string | undefined;
        role?: RoleId | undefined;
        organizationId?: string | undefined;
      },
    ) =>
      ok(
        await admin.users.$get({
          query: pageQuery(page, { q: page.q, role: page.role, organizationId: page.organizationId }),
        }),
      ),
    updateUser: (id: string, changes: { role?: RoleId; name?: string; locale?: Locale }) =>
      attempt(() => user.$patch({ param: { id }, json: changes })),
    disableUser: (id: string) => attempt(() => user.disable.$post({ param: { id } })),
    enableUser: (id: string) => attempt(() => user.enable.$post({ param: { id } })),

    invitations: async (page: PageQuery & { organizationId?: string | undefined }) =>
      ok(await admin.invitations.$get({ query: pageQuery(page, { organizationId: page.organizationId }) })),
    invite: (input: InvitationInput) =>
      attempt(() =>
        admin.invitations.$post({
          json: {
            email: input.email,
            name: input.name,
            role: input.role,
            locale: input.locale,
            ...(input.organizationId ? { organizationId: input.organizationId } : {}),
          },
        }),
      ),
    resendInvitation: (id: string) => attempt(() => invitation.resend.$post({ param: { id } })),
    revokeInvitation: (id: string) => attempt(() => invitation.revoke.$post({ param: { id } })),

    /** A page of the audit log, newest first; null when the API does not have it (404). */
    audit: async (
      page: PageQuery & { entityType?: AuditEntityType | undefined; entityId?: string | undefined },
    ): Promise<AuditPage | null> => {
      try {
        return await ok(
          await admin.audit.$get({
            query: pageQuery(page, { entityType: page.entityType, entityId: page.entityId }) as {
              limit: string;
              offset: string;
              entityType?: AuditEntityType;
              entityId?: string;
            },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
  };
}
