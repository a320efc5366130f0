import { ArticleStatus } from '@copydesk/contracts';
import type { ArticleEntity, SourceEntity } from '@copydesk/database';
import type { ArticleEnrichment, ArticleForMatching, ArticleForPublishing, PublishingImage } from '@copydesk/delivery';

/** The enrichment as stored (jsonb): typed loosely because older enricher versions wrote fewer fields. */
interface StoredEnrichment {
  topics?: ArticleEnrichment['topics'];
  entities?: Partial<ArticleEnrichment['entities']>;
  keywords?: string[];
  contentType?: { type?: string } | string | null;
  enricherVersion?: string;
  schemeVersion?: string;
}

function enrichmentOf(article: ArticleEntity): ArticleEnrichment {
  const stored = (article.enrichment ?? {}) as StoredEnrichment;
  const contentType = typeof stored.contentType === 'string' ? stored.contentType : (stored.contentType?.type ?? null);
  return {
    topics: stored.topics ?? [],
    entities: {
      people: stored.entities?.people ?? [],
      organisations: stored.entities?.organisations ?? [],
      places: stored.entities?.places ?? [],
    },
    keywords: stored.keywords ?? [],
    contentType,
    enricherVersion: stored.enricherVersion,
    schemeVersion: stored.schemeVersion,
  };
}

export function toArticleForMatching(article: ArticleEntity, source: SourceEntity | null): ArticleForMatching {
  const enrichment = enrichmentOf(article);
  return {
    sourceId: article.sourceId,
    sourceSlug: source?.slug,
    language: article.language,
    topics: enrichment.topics.map((topic) => ({ qcode: topic.qcode, confidence: topic.confidence, ancestors: topic.ancestors.map((a) => a.qcode) })),
    entities: enrichment.entities,
    contentType: enrichment.contentType ?? null,
    title: article.title ?? '',
    bodyText: article.bodyText ?? '',
  };
}

export function toArticleForPublishing(article: ArticleEntity, source: SourceEntity | null): ArticleForPublishing {
  const image = (article.metadata as { image?: PublishingImage | null }).image ?? null;
  return {
    id: article.id,
    revision: article.revision,
    status: article.status === ArticleStatus.Killed ? 'killed' : article.embargoUntil && article.embargoUntil > new Date() ? 'withheld' : 'published',
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
  };
}
