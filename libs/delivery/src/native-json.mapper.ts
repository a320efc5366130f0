import type {
  ArticleForPublishing,
  ArticlePublicationStatus,
  PublishingEntity,
  PublishingImage,
  PublishingTopic,
} from './article-for-publishing.types';

/**
 * WIRE CONTRACT: Copydesk's native article JSON, `data` of deliveries in the `native` format. Every key is always
 * present (null when unknown) so consumers can rely on the shape; add keys, never rename or retype one, and raise
 * `schemaVersion` only for a breaking change.
 */
export interface NativeArticleJson {
  schemaVersion: 1;
  id: string;
  revision: number;
  status: ArticlePublicationStatus;
  url: string | null;
  title: string;
  description: string | null;
  byline: string | null;
  authors: string[];
  language: string | null;
  bodyHtml: string | null;
  bodyText: string | null;
  publishedAt: string | null;
  modifiedAt: string;
  firstCreatedAt: string;
  embargoUntil: string | null;
  image: PublishingImage | null;
  source: { id: string; slug: string; name: string };
  contentType: string | null;
  topics: Array<PublishingTopic & { uri: string }>;
  entities: { people: PublishingEntity[]; organisations: PublishingEntity[]; places: PublishingEntity[] };
  keywords: string[];
}

const MEDIA_TOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

/**
 * Maps a stored article to {@link NativeArticleJson}. As with ninjs, a killed article keeps its identity and
 * headline but loses body, description, image and enrichment.
 */
export function toNativeJson(article: ArticleForPublishing): NativeArticleJson {
  const killed = article.status === 'killed';
  const { enrichment } = article;
  return {
    schemaVersion: 1,
    id: article.id,
    revision: article.revision,
    status: article.status,
    url: article.canonicalUrl,
    title: article.title,
    description: killed ? null : article.description,
    byline: article.byline,
    authors: article.authors ?? [],
    language: article.language,
    bodyHtml: killed ? null : article.bodyHtml,
    bodyText: killed ? null : article.bodyText,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    modifiedAt: article.modifiedAt.toISOString(),
    firstCreatedAt: article.firstCreatedAt.toISOString(),
    embargoUntil: article.embargoUntil?.toISOString() ?? null,
    image: killed || !article.image ? null : { ...article.image },
    source: { ...article.source },
    contentType: enrichment.contentType ?? null,
    topics: killed
      ? []
      : enrichment.topics.map((topic) => ({
          ...topic,
          uri: `${MEDIA_TOPIC_BASE}${topic.qcode.replace(/^medtop:/, '')}`,
        })),
    entities: killed ? { people: [], organisations: [], places: [] } : enrichment.entities,
    keywords: killed ? [] : (enrichment.keywords ?? []),
  };
}
