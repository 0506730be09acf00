/** Request and response schemas of the staff administration routes (organizations, users, invitations). */
import { locales, roleIds, supportOptionIds, tierIds } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { IdSchema, text } from "./schemas.ts";
import { EmailSchema, OrganizationSchema, UserSchema } from "./user-schemas.ts";

/** How many of an organization's latest requests its detail shows. */
export const latestRequestsShown = 20;

/**
 * One line of trimmed text without control characters: names are single-line, and PostgreSQL
 * cannot store NUL in text at all (it would fail the insert, not the validation).
 */
const line = (min: number, max: number) => text(min, max).regex(/^\P{Cc}*$/u);

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

const SearchQuery = line(0, 200).optional().openapi({ description: "Case-insensitive search" });

export const OrganizationListQuery = z.object({ q: SearchQuery, ...PageQuery });
export const UserListQuery = z.object({
  organizationId: IdSchema.optional(),
  role: z.enum(roleIds).optional(),
  q: SearchQuery.openapi({ description: "Case-insensitive search in name and e-mail" }),
  ...PageQuery,
});
export const InvitationListQuery = z.object({ organizationId: IdSchema.optional(), ...PageQuery });

/** A page of a list: `total` counts every match, `items` holds at most `limit` from `offset`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

const OrganizationRefSchema = z.object({ id: z.string(), name: z.string(), tier: z.enum(tierIds) });

export const AdminOrganizationSchema = OrganizationSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  userCount: z.number().int(),
  openRequestCount: z.number().int().openapi({ description: "Requests not resolved or closed" }),
}).openapi("AdminOrganization");

export const UpdatedOrganizationSchema = AdminOrganizationSchema.extend({
  droppedAddOns: z.array(z.enum(supportOptionIds)).openapi({
    description:
      "Add-ons removed because the new tier cannot buy them (the tier changed and `addOns` was not given)",
  }),
}).openapi("UpdatedOrganization");

export const AdminUserSchema = UserSchema.extend({
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("AdminUser");

export const AdminInvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roleIds),
    locale: z.enum(locales),
    organization: OrganizationRefSchema.nullable(),
    invitedBy: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("AdminInvitation");

const AddOnsSchema = z
  .array(z.enum(supportOptionIds))
  .max(supportOptionIds.length * 2)
  .openapi({
    description: "Purchased add-ons: only options that are `add-on` for the tier (duplicates ignored)",
  });

export const CreateOrganizationInput = z
  .strictObject({ name: line(1, 200), tier: z.enum(tierIds), addOns: AddOnsSchema.optional() })
  .openapi("CreateOrganization");

export const UpdateOrganizationInput = z
  .strictObject({
    name: line(1, 200).optional(),
    tier: z.enum(tierIds).optional(),
    addOns: AddOnsSchema.optional().openapi({
      description: "Checked against the new tier when the tier changes",
    }),
  })
  .openapi("UpdateOrganization");

export const CreateInvitationInput = z
  .strictObject({
    email: EmailSchema,
    name: line(1, 120),
    role: z.enum(roleIds),
    organizationId: IdSchema.optional().openapi({
      description: "Required for a customer, forbidden for staff (agent, admin)",
    }),
    locale: z
      .enum(locales)
      .default("fr")
      .openapi({ description: "Language of the e-mail and of the account" }),
  })
  .openapi("CreateInvitation");

export const UpdateUserInput = z
  .strictObject({
    role: z.enum(roleIds).optional().openapi({ description: "Staff only, between agent and admin" }),
    name: line(1, 120).optional(),
    locale: z.enum(locales).optional(),
  })
  .openapi("UpdateUser");
