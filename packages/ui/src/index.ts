/**
 * @cirrus/ui — helpers shared by the help center and the portal. The Astro components live in
 * `@cirrus/ui/components/<Name>.astro`, the CSS in `@cirrus/ui/styles/<file>.css`.
 */
export { type SupportChannel, tierChannels } from "./channels.ts";
export { formatCivilDateLong, formatDate, formatDateTime, formatTime, weekdayName } from "./format/dates.ts";
export { text } from "./format/text.ts";
export { frenchSpacing } from "./format/typography.ts";
export { type MessageKey, t } from "./i18n/dictionary.ts";
export { type SlaExample, type SlaScenarioId, slaExamples, slaScenarioIds } from "./sla-examples.ts";
