import { type ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';
import type { ArticleForMatching, MatchingTopic } from './article-for-matching.types';
import { matchesFullTextQuery, parseFullTextQuery, toSearchableText, type SearchableText } from './full-text-query.parser';
import { foldForSearch } from './search-text.util';
import type { SubscriptionFilters, SubscriptionForRouting } from './subscription.types';

/** Whether an article passes a subscription's filters, and if not, the first filter that failed. */
export interface MatchResult {
  matched: boolean;
  reason?: string;
}

const MEDIA_TOPIC_URI = /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/(\d+)$/i;

/**
 * Decides whether an article passes a subscription's filters (see {@link SubscriptionFilters} for each rule).
 *
 * The database may pre-filter candidates, for example the `query` with
 * `to_tsvector('simple', unaccent(title || ' ' || body_text)) @@ websearch_to_tsquery('simple', unaccent($query))`,
 * but this function is the authority: it is exact about phrases, accents and OR precedence, and it is what
 * the publish worker calls before creating a delivery. Use the `simple` configuration for a pre-filter: a
 * stemming one (`english`) would make `-word` exclude articles this function accepts.
 * The article's words are cached per object: do not mutate an article between calls.
 */
export function matchesSubscription(article: ArticleForMatching, filters: SubscriptionFilters): MatchResult {
  // Cheap checks first; the full-text query tokenises the whole body.
  if (isSet(filters.sources) && !filters.sources.some((s) => s === article.sourceId || s === article.sourceSlug)) {
    return { matched: false, reason: 'source not in the subscription' };
  }
  if (isSet(filters.languages) && !filters.languages.some((tag) => languageMatches(tag, article.language))) {
    return { matched: false, reason: `language ${article.language ?? 'unknown'} not in the subscription` };
  }
  if (isSet(filters.contentTypes) && !includesFolded(filters.contentTypes, article.contentType)) {
    return { matched: false, reason: `content type ${article.contentType ?? 'unknown'} not in the subscription` };
  }
  const topicResult = matchTopics(article.topics, filters);
  if (topicResult) return topicResult;
  if (isSet(filters.entities) && !matchEntities(article, filters.entities)) {
    return { matched: false, reason: 'none of the subscribed entities is mentioned' };
  }
  if (filters.query?.trim()) {
    const query = parseFullTextQuery(filters.query);
    if (!matchesFullTextQuery(query, searchableText(article))) {
      return { matched: false, reason: 'the search query does not match' };
    }
  }
  return { matched: true };
}

/** True when an active subscription wants this event type. Filters are checked separately. */
export function wantsEvent(subscription: Pick<SubscriptionForRouting, 'status' | 'events'>, event: ArticleEventType): boolean {
  return subscription.status === SubscriptionStatus.Active && subscription.events.includes(event);
}

// The worker checks one article against every subscription: tokenise its body once, not once per subscription.
const searchableTexts = new WeakMap<ArticleForMatching, SearchableText>();

function searchableText(article: ArticleForMatching): SearchableText {
  let text = searchableTexts.get(article);
  if (!text) {
    text = toSearchableText([article.title, article.bodyText]);
    searchableTexts.set(article, text);
  }
  return text;
}

function isSet(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

function languageMatches(filterTag: string, language: string | null): boolean {
  if (!language) return false;
  const range = filterTag.trim().replace(/_/g, '-').toLowerCase();
  const tag = language.replace(/_/g, '-').toLowerCase();
  return tag === range || tag.startsWith(`${range}-`);
}

function includesFolded(list: readonly string[], value: string | null): boolean {
  if (value === null) return false;
  const wanted = foldForSearch(value.trim());
  return list.some((entry) => foldForSearch(entry.trim()) === wanted);
}

function matchTopics(topics: MatchingTopic[], filters: SubscriptionFilters): MatchResult | undefined {
  const minConfidence = filters.minConfidence ?? 0;
  const confident = topics.filter((topic) => topic.confidence >= minConfidence);
  if (isSet(filters.topics)) {
    const wanted = new Set(filters.topics.map(toQcode));
    const hit = confident.some((topic) => wanted.has(toQcode(topic.qcode)) || topic.ancestors.some((a) => wanted.has(toQcode(a))));
    if (!hit) return { matched: false, reason: `no subscribed topic at confidence ≥ ${minConfidence}` };
  } else if (filters.minConfidence !== undefined && confident.length === 0) {
    return { matched: false, reason: `no topic at confidence ≥ ${minConfidence}` };
  }
  return undefined;
}

// Subscribers paste topics in any of the forms IPTC publishes; compare them as lower-case qcodes.
function toQcode(topic: string): string {
  const trimmed = topic.trim().toLowerCase();
  const fromUri = MEDIA_TOPIC_URI.exec(trimmed);
  if (fromUri) return `medtop:${fromUri[1]}`;
  return /^\d+$/.test(trimmed) ? `medtop:${trimmed}` : trimmed;
}

function matchEntities(article: ArticleForMatching, entities: readonly string[]): boolean {
  const { people, organisations, places } = article.entities;
  const names = new Set([...people, ...organisations, ...places].map((entity) => normalizeName(entity.name)));
  return entities.some((name) => names.has(normalizeName(name)));
}

function normalizeName(name: string): string {
  return foldForSearch(name).replace(/\s+/g, ' ').trim();
}
