import { iso } from '@copydesk/http';
import { ArticleStatus } from '@copydesk/contracts';
import type { ClusterArticleRow, ClusterRow } from '@copydesk/database';
import { ApiProperty } from '@nestjs/swagger';

export class ClusterArticleView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  status: string;
}

/** A story cluster: the articles of several outlets about one event. */
export class ClusterView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  articleCount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstPublishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastPublishedAt: string | null;

  @ApiProperty({ type: [ClusterArticleView] })
  articles: ClusterArticleView[];
}

export function toClusterView(cluster: ClusterRow, articles: ClusterArticleRow[]): ClusterView {
  return {
    id: cluster.id,
    title: cluster.title,
    articleCount: articles.length,
    firstPublishedAt: iso(cluster.firstPublishedAt),
    lastPublishedAt: iso(cluster.lastPublishedAt),
    articles: articles.map((a) => ({ id: a.id, title: a.title, sourceId: a.sourceId, publishedAt: iso(a.publishedAt), status: a.status })),
  };
}
