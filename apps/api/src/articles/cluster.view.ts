import type { ClusterArticleRow, ClusterRow } from '@copydesk/database';

export interface ClusterView {
  id: string;
  title: string | null;
  articleCount: number;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  articles: Array<{ id: string; title: string | null; sourceId: string; publishedAt: string | null; status: string }>;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

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
