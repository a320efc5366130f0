export { DEFAULT_RETRY_SCHEDULE, DEFAULT_RETRY_SCHEDULE_SPEC, parseRetrySchedule } from './retry-schedule.parser';
export { parseRetryAfter } from '@copydesk/http';
export {
  classifyDeliveryResponse,
  DELIVERY_TIMEOUT_MS,
  MAX_RETRY_AFTER_MS,
  RESPONSE_BODY_CAP_BYTES,
  RETRY_JITTER_RATIO,
  type DeliveryAttemptResult,
  type DeliveryDecision,
  type DeliveryOutcome,
  type DeliveryTransportError,
} from './delivery-response.classifier';
export type { SubscriptionFilters, SubscriptionForRouting } from './subscription.types';
export type { ArticleForMatching, MatchingTopic, NamedEntity } from './article-for-matching.types';
export { matchesSubscription, wantsEvent, type MatchResult } from './subscription.matcher';
export {
  matchesFullTextQuery,
  parseFullTextQuery,
  toSearchableText,
  type FullTextQuery,
  type QueryTerm,
  type SearchableText,
} from './full-text-query.parser';
export type {
  ArticleEnrichment,
  ArticleForPublishing,
  ArticlePublicationStatus,
  PublishingAgency,
  PublishingConcept,
  PublishingEntity,
  PublishingImage,
  PublishingTopic,
} from './article-for-publishing.types';
export type * from './ninjs.types';
export type { NinjsOptions } from './ninjs.mapper';
export { articleAsNinjs } from './formats/ninjs/ninjs.format';
export type { NinjsWithAgency } from './formats/ninjs/ninjs-agency';
export { toNativeJson, type NativeArticleJson } from './native-json.mapper';
export { buildDeliveryPayload } from './delivery-payload.builder';
export type { DeliveryEnvelope } from './formats/json-envelope';
export type { OutputFormat, RenderOptions, RenderOptions as DeliveryPayloadOptions } from './formats/output-format';
export {
  DEFAULT_OUTPUT_FORMAT,
  isOutputFormatName,
  OUTPUT_FORMAT_NAMES,
  OUTPUT_FORMATS,
  outputFormat,
  type OutputFormatName,
  type SubscriptionFormat,
} from './formats/output-formats';
