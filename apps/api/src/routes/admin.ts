/**
 * Staff administration, admins only: organizations (tier, add-ons), users (role, disable/enable)
 * and invitations — the only way accounts are created, so no staff account exists without an
 * admin. Every change is recorded in the audit log (commands/admin/).
 */
import { z } from "@hono/zod-openapi";
import { authOf, defineRoute } from "../access.ts";
import { invite, resendInvitation, revokeInvitation } from "../commands/admin/invitations.ts";
import { createOrganization, updateOrganization } from "../commands/admin/organizations.ts";
import { setUserDisabled, updateUser } from "../commands/admin/users.ts";
import {
  findAdminInvitation,
  findAdminOrganization,
  findAdminUser,
  listOrganizations,
  listPendingInvitations,
  listUsers,
  organizationDetail,
} from "../queries/admin.ts";
import { createRouter } from "../router.ts";
import {
  AdminInvitationSchema,
  AdminOrganizationSchema,
  AdminUserSchema,
  CreateInvitationInput,
  CreateOrganizationInput,
  InvitationListQuery,
  latestRequestsShown,
  OrganizationListQuery,
  pageOf,
  UpdatedOrganizationSchema,
  UpdateOrganizationInput,
  UpdateUserInput,
  UserListQuery,
} from "./admin-schemas.ts";
import { RequestSummarySchema } from "./request-schemas.ts";
import { IdParamSchema, json, jsonBody, problems } from "./schemas.ts";

const tags = ["Admin"];

const listOrganizationsRoute = defineRoute("admin", {
  method: "get",
  path: "/v1/admin/organizations",
  tags,
  summary: "Organizations by name, with user and open-request counts (search by name)",
  request: { query: OrganizationListQuery },
  responses: {
    200: json(pageOf(AdminOrganizationSchema), "A page of organizations"),
    ...problems(401, 403, 422),
  },
});

const createOrganizationRoute = defineRoute("admin", {
  method: "post",
  path: "/v1/admin/organizations",
  tags,
  summary: "Create an organization with its tier and add-ons",
  request: { body: jsonBody(CreateOrganizationInput) },
  responses: { 201: json(AdminOrganizationSchema, "Created"), ...problems(400, 401, 403, 413, 422) },
});

const getOrganizationRoute = defineRoute("admin", {
  method: "get",
  path: "/v1/admin/organizations/{id}",
  tags,
  summary: `One organization with its users, pending invitations and ${latestRequestsShown} latest requests`,
  request: { params: IdParamSchema },
  responses: {
    200: json(
      z.object({
        organization: AdminOrganizationSchema,
        users: z.array(AdminUserSchema),
        pendingInvitations: z.array(AdminInvitationSchema),
        requests: z.array(RequestSummarySchema).openapi({ description: "Latest received first" }),
      }),
      "The organization",
    ),
    ...problems(401, 403, 404, 422),
  },
});

const updateOrganizationRoute = defineRoute("admin", {
  method: "patch",
  path: "/v1/admin/organizations/{id}",
  tags,
  summary:
    "Change name, tier or add-ons (existing requests keep the tier and due times they were received with)",
  request: { params: IdParamSchema, body: jsonBody(UpdateOrganizationInput) },
  responses: { 200: json(UpdatedOrganizationSchema, "Updated"), ...problems(400, 401, 403, 404, 413, 422) },
});

const listUsersRoute = defineRoute("admin", {
  method: "get",
  path: "/v1/admin/users",
  tags,
  summary: "Users by name (filter by organization and role, search name and e-mail)",
  request: { query: UserListQuery },
  responses: { 200: json(pageOf(AdminUserSchema), "A page of users"), ...problems(401, 403, 422) },
});

const updateUserRoute = defineRoute("admin", {
  method: "patch",
  path: "/v1/admin/users/{id}",
  tags,
  summary: "Change a user's name, language or staff role (agent ⇄ admin; never your own admin role)",
  request: { params: IdParamSchema, body: jsonBody(UpdateUserInput) },
  responses: { 200: json(AdminUserSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 413, 422) },
});

const userActionRoute = (action: "disable" | "enable") =>
  defineRoute("admin", {
    method: "post",
    path: `/v1/admin/users/{id}/${action}`,
    tags,
    summary:
      action === "disable"
        ? "Disable a user and end all their sessions (not yourself)"
        : "Enable a disabled user",
    request: { params: IdParamSchema },
    responses: { 200: json(AdminUserSchema, "Done"), ...problems(401, 403, 404, 409, 422) },
  });

const createInvitationRoute = defineRoute("admin", {
  method: "post",
  path: "/v1/admin/invitations",
  tags,
  summary: "Invite a customer or staff member: e-mails a one-time link valid 7 days (replaces a pending one)",
  request: { body: jsonBody(CreateInvitationInput) },
  responses: { 201: json(AdminInvitationSchema, "Invited"), ...problems(400, 401, 403, 409, 413, 422) },
});

const listInvitationsRoute = defineRoute("admin", {
  method: "get",
  path: "/v1/admin/invitations",
  tags,
  summary: "Pending invitations (not accepted, revoked or expired), newest first",
  request: { query: InvitationListQuery },
  responses: {
    200: json(pageOf(AdminInvitationSchema), "A page of invitations"),
    ...problems(401, 403, 422),
  },
});

const resendInvitationRoute = defineRoute("admin", {
  method: "post",
  path: "/v1/admin/invitations/{id}/resend",
  tags,
  summary: "Mail a new link with a new 7-day expiry (the old link stops working); answers the new invitation",
  request: { params: IdParamSchema },
  responses: { 201: json(AdminInvitationSchema, "Sent again"), ...problems(401, 403, 404, 409, 422) },
});

const revokeInvitationRoute = defineRoute("admin", {
  method: "post",
  path: "/v1/admin/invitations/{id}/revoke",
  tags,
  summary: "Cancel a pending invitation (its link stops working)",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Revoked" }, ...problems(401, 403, 404, 409, 422) },
});

export function adminRoutes() {
  return createRouter()
    .openapi(listOrganizationsRoute, async (c) => {
      return c.json(await listOrganizations(c.get("deps").db, c.req.valid("query")), 200);
    })
    .openapi(createOrganizationRoute, async (c) => {
      const { db, clock } = c.get("deps");
      const org = await createOrganization(db, authOf(c).user, c.req.valid("json"), clock());
      return c.json(await findAdminOrganization(db, org.id), 201);
    })
    .openapi(getOrganizationRoute, async (c) => {
      const { db, clock } = c.get("deps");
      return c.json(await organizationDetail(db, c.req.valid("param").id, latestRequestsShown, clock()), 200);
    })
    .openapi(updateOrganizationRoute, async (c) => {
      const deps = c.get("deps");
      const { id } = c.req.valid("param");
      const { droppedAddOns } = await updateOrganization(
        deps,
        authOf(c).user,
        id,
        c.req.valid("json"),
        deps.clock(),
      );
      return c.json({ ...(await findAdminOrganization(deps.db, id)), droppedAddOns }, 200);
    })
    .openapi(listUsersRoute, async (c) => {
      return c.json(await listUsers(c.get("deps").db, c.req.valid("query")), 200);
    })
    .openapi(updateUserRoute, async (c) => {
      const deps = c.get("deps");
      const { id } = c.req.valid("param");
      await updateUser(deps, authOf(c).user, id, c.req.valid("json"), deps.clock(), c.get("locale"));
      return c.json(await findAdminUser(deps.db, id), 200);
    })
    .openapi(userActionRoute("disable"), async (c) => {
      const deps = c.get("deps");
      const { id } = c.req.valid("param");
      await setUserDisabled(deps, authOf(c).user, id, true, deps.clock(), c.get("locale"));
      return c.json(await findAdminUser(deps.db, id), 200);
    })
    .openapi(userActionRoute("enable"), async (c) => {
      const deps = c.get("deps");
      const { id } = c.req.valid("param");
      await setUserDisabled(deps, authOf(c).user, id, false, deps.clock(), c.get("locale"));
      return c.json(await findAdminUser(deps.db, id), 200);
    })
    .openapi(createInvitationRoute, async (c) => {
      const deps = c.get("deps");
      const id = await invite(deps, authOf(c).user, c.req.valid("json"), deps.clock(), c.get("locale"));
      return c.json(await findAdminInvitation(deps.db, id), 201);
    })
    .openapi(listInvitationsRoute, async (c) => {
      const { db, clock } = c.get("deps");
      return c.json(await listPendingInvitations(db, c.req.valid("query"), clock()), 200);
    })
    .openapi(resendInvitationRoute, async (c) => {
      const deps = c.get("deps");
      const { id } = c.req.valid("param");
      const newId = await resendInvitation(deps, authOf(c).user, id, deps.clock(), c.get("locale"));
      return c.json(await findAdminInvitation(deps.db, newId), 201);
    })
    .openapi(revokeInvitationRoute, async (c) => {
      const deps = c.get("deps");
      await revokeInvitation(deps, authOf(c).user, c.req.valid("param").id, deps.clock(), c.get("locale"));
      return c.body(null, 204);
    });
}
