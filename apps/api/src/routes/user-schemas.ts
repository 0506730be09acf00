/** Response schemas for users and organizations, shared by auth, me and admin routes. */
import { availabilities, locales, roleIds, supportOptionIds, tierIds } from "@cirrus/domain";
import { z } from "@hono/zod-openapi";

export const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tier: z.enum(tierIds),
    addOns: z.array(z.enum(supportOptionIds)),
    entitlements: z.record(z.enum(supportOptionIds), z.enum(availabilities)),
  })
  .openapi("Organization");

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roleIds),
    locale: z.enum(locales),
    disabled: z.boolean(),
    organization: OrganizationSchema.nullable(),
  })
  .openapi("User");

export const SessionSchema = z
  .object({ token: z.string(), expiresAt: z.string(), user: UserSchema })
  .openapi("SignedIn", { description: "The session token is shown once; keep it secret." });

/** A new password: 8 to 128 characters (12 or more recommended). */
export const NewPasswordSchema = z.string().min(8).max(128);
export const EmailSchema = z.string().trim().max(254).pipe(z.email());
