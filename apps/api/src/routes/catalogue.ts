/** GET /v1/catalogue: the support offer straight from the domain (tiers, options, SLA, criticality), FR and EN. */
import {
  availabilityLabels,
  businessMinutesPerDay,
  criticalities,
  criticalityIds,
  criticalitySection,
  formatTimeOfDay,
  frenchPublicHolidays,
  localDateOf,
  parisBusinessCalendar,
  requestCategories,
  requestCategoryIds,
  requestStatuses,
  requestStatusIds,
  serviceLevelHeading,
  slaTargetMinutes,
  supportEmail,
  supportOfferText,
  supportOptionIds,
  supportOptions,
  tierIds,
  tiers,
} from "@cirrus/domain";
import { z } from "@hono/zod-openapi";
import { defineRoute } from "../access.ts";
import { createRouter } from "../router.ts";
import { json, LocalizedSchema } from "./schemas.ts";

const CatalogueSchema = z
  .object({
    supportEmail: z.string(),
    text: z.record(z.string(), LocalizedSchema),
    tiers: z.array(
      z.object({
        id: z.enum(tierIds),
        label: LocalizedSchema,
        slaBusinessDays: z.number().nullable(),
        slaTargetMinutes: z.number().nullable(),
      }),
    ),
    options: z.array(
      z.object({
        id: z.enum(supportOptionIds),
        label: LocalizedSchema,
        description: LocalizedSchema,
        availability: z.record(z.string(), z.string()),
      }),
    ),
    availabilityLabels: z.record(z.string(), LocalizedSchema),
    categories: z.array(
      z.object({
        id: z.enum(requestCategoryIds),
        label: LocalizedSchema,
        hint: LocalizedSchema,
        requiredOption: z.string(),
        opensQuote: z.boolean(),
      }),
    ),
    criticalities: z.array(
      z.object({
        id: z.enum(criticalityIds),
        label: LocalizedSchema,
        summary: LocalizedSchema,
        criteria: z.array(z.object({ text: LocalizedSchema, details: z.array(LocalizedSchema).optional() })),
      }),
    ),
    statuses: z.array(
      z.object({ id: z.enum(requestStatusIds), label: LocalizedSchema, description: LocalizedSchema }),
    ),
    calendar: z.object({
      timeZone: z.string(),
      opensAt: z.string(),
      closesAt: z.string(),
      workingDays: z.array(z.number()),
      businessMinutesPerDay: z.number(),
      holidays: z.array(z.object({ date: z.string(), name: LocalizedSchema })),
    }),
  })
  .openapi("Catalogue");

const getCatalogue = defineRoute("public", {
  method: "get",
  path: "/v1/catalogue",
  tags: ["Public"],
  summary: "The support offer: tiers, options, SLA, categories, criticality, calendar",
  responses: { 200: json(CatalogueSchema, "The catalogue, in French and English") },
});

function catalogue(year: number) {
  const calendar = parisBusinessCalendar;
  return {
    supportEmail,
    text: { ...supportOfferText, serviceLevelHeading, ...criticalitySection },
    tiers: tierIds.map((id) => ({ ...tiers[id], slaTargetMinutes: slaTargetMinutes(id) })),
    options: supportOptionIds.map((id) => ({ ...supportOptions[id] })),
    availabilityLabels,
    categories: requestCategoryIds.map((id) => requestCategories[id]),
    criticalities: criticalityIds.map((id) => {
      const { criteria, ...rest } = criticalities[id];
      return {
        ...rest,
        criteria: criteria.map((k) => ({ text: k.text, ...(k.details ? { details: [...k.details] } : {}) })),
      };
    }),
    statuses: requestStatusIds.map((id) => requestStatuses[id]),
    calendar: {
      timeZone: calendar.timeZone,
      opensAt: formatTimeOfDay(calendar.opensAt),
      closesAt: formatTimeOfDay(calendar.closesAt),
      workingDays: [...calendar.workingDays],
      businessMinutesPerDay: businessMinutesPerDay(calendar),
      holidays: [...frenchPublicHolidays(year), ...frenchPublicHolidays(year + 1)],
    },
  };
}

export function catalogueRoutes() {
  return createRouter().openapi(getCatalogue, (c) => {
    // The support calendar's year today (its holidays are listed for this year and the next).
    const year = Number(localDateOf(c.get("deps").clock()).slice(0, 4));
    c.header("cache-control", "public, max-age=300");
    return c.json(catalogue(year), 200);
  });
}
