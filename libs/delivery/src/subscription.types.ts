import type { ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';

/**
 * What a subscriber wants. Every filter that is set (and non-empty) must match; within one list, any entry may.
 * Unset or empty lists do not filter.
 */
export interface SubscriptionFilters {
  /** Source ids or slugs. */
  sources?: string[];
  /** BCP 47 tags, any case; `en` matches `en`, `en-GB`, `en-US` (RFC 4647 basic filtering), `en-GB` only `en-GB…`. */
  languages?: string[];
  /**
   * IPTC Media Topic qcodes (`medtop:11000000`; a bare `11000000` or a cv.iptc.org URI also works). An article
   * matches when one of its topics, or an ancestor of one, is listed: subscribing to politics gets elections.
   */
  topics?: string[];
  /** Person, organisation or place names; case- and accent-insensitive, whole name. */
  entities?: string[];
  /** Content types as the enrichment names them (`news`, `opinion`, ...); case-insensitive. */
  contentTypes?: string[];
  /** A search over title and body; see `parseFullTextQuery` for the syntax. */
  query?: string;
  /**
   * Minimum topic confidence, 0 to 1. With `topics`, only topics at or above it count as matches; without
   * `topics`, the article needs at least one topic at or above it.
   */
  minConfidence?: number;
}

/** The parts of a stored subscription that decide what it receives. */
export interface SubscriptionForRouting {
  status: SubscriptionStatus;
  events: readonly ArticleEventType[];
  filters: SubscriptionFilters;
}
