import { agencyRecord } from './agency-record';
import { ArticleStatus, type StoredEnrichment } from '@copydesk/contracts';
import type { ArticleEntity, SourceEntity } from '@copydesk/database';
import type {
  ArticleEnrichment,
  ArticleForMatching,
  ArticleForPublishing,
  PublishingEntity,
  PublishingImage,
  PublishingTopic,
} from '@copydesk/delivery';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function topicsOf(stored: StoredEnrichment): PublishingTopic[] {
  return (stored.topics ?? []).flatMap((topic) => {
    const qcode = text(topic?.qcode);
    if (!qcode) return [];
    const ancestors = (topic.ancestors ?? []).flatMap((ancestor) => {
      const ref = typeof ancestor === 'string' ? { qcode: ancestor } : ancestor;
      const ancestorQcode = text(ref?.qcode);
      return ancestorQcode ? [{ qcode: ancestorQcode, label: text(ref.label) ?? ancestorQcode }] : [];
    });
    const confidence = typeof topic.confidence === 'number' ? topic.confidence : 0;
    return [{ qcode, label: text(topic.label) ?? qcode, confidence, ancestors }];
  });
}

function entitiesOf(stored: StoredEnrichment, kind: 'people' | 'organisations' | 'places'): PublishingEntity[] {
  return (stored.entities?.[kind] ?? []).flatMap((entity) => {
    const ref = typeof entity === 'string' ? { name: entity } : entity;
    const name = text(ref?.name);
    if (!name) return [];
    const uri = text(ref.uri);
    return [uri ? { name, uri } : { name }];
  });
}

// Only what publishing needs is picked, so internals (topic `source`, entity `count` and `salience`, content-type
// `evidence`) never reach subscribers.
function enrichmentOf(article: ArticleEntity): ArticleEnrichment {
  const stored = (article.enrichment ?? {}) as StoredEnrichment;
  const contentType = typeof stored.contentType === 'string' ? stored.contentType : (stored.contentType?.type ?? null);
  return {
    topics: topicsOf(stored),
    entities: {
      people: entitiesOf(stored, 'people'),
      organisations: entitiesOf(stored, 'organisations'),
      places: entitiesOf(stored, 'places'),
    },
    keywords: (stored.keywords ?? []).filter((keyword): keyword is string => typeof keyword === 'string'),
    contentType,
    enricherVersion: stored.enricherVersion,
    schemeVersion: stored.schemeVersion,
  };
}

/** What subscription filters look at: topics with their ancestors' qcodes (subscribing to politics gets elections). */
export function toArticleForMatching(article: ArticleEntity, source: SourceEntity | null): ArticleForMatching {
  const enrichment = enrichmentOf(article);
  return {
    sourceId: article.sourceId,
    sourceSlug: source?.slug,
    language: article.language,
    topics: enrichment.topics.map((topic) => ({
      qcode: topic.qcode,
      confidence: topic.confidence,
      ancestors: topic.ancestors.map((a) => a.qcode),
    })),
    entities: enrichment.entities,
    contentType: enrichment.contentType ?? null,
    title: article.title ?? '',
    bodyText: article.bodyText ?? '',
  };
}

/**
 * The article as a delivery freezes it. Never `withheld`: an embargoed article is only sent once its embargo has
 * passed (the deliver job waits for it), so by the time a subscriber reads the payload it is usable; the embargo
 * time itself still travels (`embargoedUntil` in ninjs, `embargoUntil` in native JSON).
 */
export function toArticleForPublishing(article: ArticleEntity, source: SourceEntity | null): ArticleForPublishing {
  const image = (article.metadata as { image?: PublishingImage | null }).image ?? null;
  return {
    id: article.id,
    revision: article.revision,
    status: article.status === ArticleStatus.Killed ? 'killed' : 'published',
    title: article.title ?? '',
    bodyHtml: article.bodyHtml ?? '',
    bodyText: article.bodyText ?? '',
    byline: article.byline,
    authors: article.authors,
    language: article.language,
    publishedAt: article.publishedAt,
    modifiedAt: article.contentChangedAt ?? article.updatedAt,
    firstCreatedAt: article.createdAt,
    canonicalUrl: article.canonicalUrl,
    description: article.description,
    image,
    embargoUntil: article.embargoUntil,
    enrichment: enrichmentOf(article),
    source: { id: article.sourceId, slug: source?.slug ?? 'unknown', name: source?.name ?? 'Unknown source' },
    agency: agencyRecord(article.metadata),
  };
}
