import type { ArticleEntity } from '@copydesk/database';

/** The public shape of an article: camelCase, dates as ISO strings, internals (locks, hashes' inputs) left out. */
export interface ArticleView {
  id: string;
  status: string;
  sourceId: string;
  externalId: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  authors: string[];
  description: string | null;
  bodyHtml: string | null;
  bodyText: string | null;
  language: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  embargoUntil: string | null;
  revision: number;
  contentHash: string | null;
  contentChangedAt: string | null;
  failureReason: string | null;
  killReason: string | null;
  killedAt: string | null;
  clusterId: string | null;
  enrichment: Record<string, unknown> | null;
  enricherVersion: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toArticleView(article: ArticleEntity): ArticleView {
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
    bodyHtml: article.bodyHtml,
    bodyText: article.bodyText,
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
