// The names of the components articles may use (kept apart from the components themselves so the
// content loader can check articles without loading any .astro file).
export const articleComponentNames = [
  "AddOnOptions",
  "Callout",
  "CriticalityLevels",
  "HolidayList",
  "LifecycleDays",
  "OpenRequestButton",
  "ServiceLevels",
  "SlaExamples",
  "SupportContact",
  "SupportHours",
  "SupportOfferText",
  "SupportTable",
] as const;
