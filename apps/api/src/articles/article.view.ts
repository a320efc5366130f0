import { iso } from '@copydesk/http';
import { ArticleStatus } from '@copydesk/contracts';
import type { ArticleEntity, ArticleSummary } from '@copydesk/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableString = (description?: string, extra: Record<string, unknown> = {}) =>
  ({ type: String, nullable: true, ...(description ? { description } : {}), ...extra }) as const;
const nullableDate = (description?: string) =>
  ({ type: String, format: 'date-time', nullable: true, ...(description ? { description } : {}) }) as const;

/** An article in a list: everything but the bodies (read one article for them). */
export class ArticleSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  status: string;

  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty(nullableString('The id the source gave it'))
  externalId: string | null;

  @ApiProperty(nullableString(undefined, { format: 'uri' }))
  url: string | null;

  @ApiProperty(nullableString(undefined, { format: 'uri' }))
  canonicalUrl: string | null;

  @ApiProperty(nullableString())
  title: string | null;

  @ApiProperty(nullableString())
  byline: string | null;

  @ApiProperty({ type: [String] })
  authors: string[];

  @ApiProperty(nullableString())
  description: string | null;

  @ApiProperty(nullableString('BCP 47', { example: 'en' }))
  language: string | null;

  @ApiProperty(nullableDate())
  publishedAt: string | null;

  @ApiProperty(nullableDate())
  modifiedAt: string | null;

  @ApiProperty(nullableDate('Not delivered to subscribers before this instant'))
  embargoUntil: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: '0 until the first input is processed' })
  revision: number;

  @ApiProperty(nullableString())
  contentHash: string | null;

  @ApiProperty(nullableDate('When the words last changed'))
  contentChangedAt: string | null;

  @ApiProperty(nullableString())
  failureReason: string | null;

  @ApiProperty(nullableString())
  killReason: string | null;

  @ApiProperty(nullableDate())
  killedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clusterId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Language, IPTC Media Topics, entities, keywords, content type, quotes, summary, with the enricher’s versions',
  })
  enrichment: Record<string, unknown> | null;

  @ApiProperty(nullableString())
  enricherVersion: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Provenance, site name, section, tags, image' })
  metadata: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** The public shape of an article: camelCase, dates as ISO strings, internals (locks, hashes' inputs) left out. */
export class ArticleView extends ArticleSummaryView {
  @ApiProperty(nullableString('Sanitized HTML'))
  bodyHtml: string | null;

  @ApiProperty(nullableString())
  bodyText: string | null;
}

/** A search hit: the summary, how well it matched, and the matching passages marked. */
export class ArticleHitView extends ArticleSummaryView {
  @ApiPropertyOptional({ type: Number, description: 'Relevance to q (higher is better); only when searching' })
  rank?: number;

  @ApiPropertyOptional({ type: String, description: 'Passages matching q, the words in <mark>…</mark> (HTML-escaped otherwise)' })
  highlight?: string;
}

export class ArticleListView {
  @ApiProperty({ type: [ArticleHitView] })
  items: ArticleHitView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export function toArticleSummaryView(article: ArticleSummary): ArticleSummaryView {
  return {
    id: article.id,
    status: article.status,
    sourceId: article.sourceId,
    externalId: article.externalId,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    byline: article.byline,
    authors: article.authors,
    description: article.description,
    language: article.language,
    publishedAt: iso(article.publishedAt),
    modifiedAt: iso(article.modifiedAt),
    embargoUntil: iso(article.embargoUntil),
    revision: article.revision,
    contentHash: article.contentHash,
    contentChangedAt: iso(article.contentChangedAt),
    failureReason: article.failureReason,
    killReason: article.killReason,
    killedAt: iso(article.killedAt),
    clusterId: article.clusterId,
    enrichment: article.enrichment,
    enricherVersion: article.enricherVersion,
    metadata: article.metadata,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

export function toArticleView(article: ArticleEntity): ArticleView {
  return { ...toArticleSummaryView(article), bodyHtml: article.bodyHtml, bodyText: article.bodyText };
}
