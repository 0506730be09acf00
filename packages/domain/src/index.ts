/**
 * @cirrus/domain — the single source of truth for Cirrus Shield Support's business rules.
 * Pure TypeScript: no I/O, no framework, no `node:*` imports.
 */
export {
  type AttachmentDisplay,
  type AttachmentType,
  type AttachmentTypeId,
  acceptedExtensions,
  attachmentLimits,
  attachmentTypeByMediaType,
  attachmentTypeIds,
  attachmentTypes,
  detectAttachmentType,
  extensionOf,
  formatFileSize,
  hasAcceptedExtension,
  sanitizeFileName,
  sniffBytes,
} from "./attachments.ts";
export {
  addBusinessMillis,
  businessMillisBetween,
  clockStartAt,
  isBusinessTime,
  nextOpeningAt,
} from "./business-time.ts";
export {
  type BusinessCalendar,
  businessMinutesPerDay,
  formatTimeOfDay,
  parisBusinessCalendar,
  type TimeOfDay,
} from "./calendar.ts";
export {
  assertCanOpenRequest,
  type CategoryAccess,
  canOpenRequest,
  categoryAccess,
  isRequestCategoryId,
  openableCategories,
  type RequestCategory,
  type RequestCategoryId,
  requestCategories,
  requestCategoryIds,
} from "./categories.ts";
export {
  type Criticality,
  type CriticalityCriterion,
  type CriticalityId,
  criticalities,
  criticalityIds,
  criticalityRank,
  criticalitySection,
  isCriticalityId,
} from "./criticality.ts";
export { assertValidAddOns, type Entitlements, entitlements, purchasableAddOns } from "./entitlements.ts";
export { DomainError, type DomainErrorCode, IllegalTransitionError } from "./errors.ts";
export {
  type CivilDate,
  easterSunday,
  formatCivilDate,
  frenchPublicHolidays,
  type Holiday,
} from "./holidays.ts";
export { defaultLocale, isLocale, type Locale, type Localized, locales, localize } from "./i18n.ts";
export {
  allowedTransitions,
  assertTransition,
  autoCloseAfterDays,
  autoCloseAt,
  isActiveStatus,
  isFinal,
  isRequestStatusId,
  type RequestActor,
  type RequestState,
  type RequestStatus,
  type RequestStatusId,
  reopenDeadline,
  reopenWindowDays,
  requestStatuses,
  requestStatusIds,
  statusAfterPublicMessage,
} from "./lifecycle.ts";
export {
  type Availability,
  availabilities,
  availabilityLabels,
  isSupportOptionId,
  type SupportOption,
  type SupportOptionId,
  supportEmail,
  supportOptionIds,
  supportOptions,
} from "./options.ts";
export { compareQueue, type QueueEntry, queueTierRank } from "./queue.ts";
export {
  assertQuoteTransition,
  effectiveQuoteStatus,
  formatEuroCents,
  localDateOf,
  type QuoteActor,
  type QuoteFieldError,
  type QuoteProposal,
  type QuoteState,
  type QuoteStatusId,
  quoteExpiresAt,
  quoteLimits,
  quoteStatuses,
  quoteStatusIds,
  validateQuoteProposal,
} from "./quotes.ts";
export { findRequestReference, formatRequestReference, parseRequestReference } from "./reference.ts";
export {
  type ChannelId,
  channelIds,
  channels,
  isRoleId,
  isStaff,
  type RoleId,
  roleIds,
  roles,
} from "./roles.ts";
export {
  dueAfterBusinessMinutes,
  firstResponseDueAt,
  replyDueAt,
  serviceLevelHeading,
  serviceLevelLabel,
  slaTargetMinutes,
} from "./sla.ts";
export {
  isFirstResponseBreached,
  runningClock,
  type SlaFacts,
  type SlaPhase,
  type SlaState,
  slaState,
} from "./sla-state.ts";
export { supportOfferText } from "./support-offer.ts";
export { classifiesCriticality, isTierId, type Tier, type TierId, tierIds, tiers } from "./tiers.ts";
export { epochOf, type WallTime, wallTime, zonedTimeToEpoch, zoneOffsetMs } from "./zoned-time.ts";
