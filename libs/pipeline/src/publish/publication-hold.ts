import type { ArticleEntity } from '@copydesk/database';

/**
 * Why the article's current revision must not be published, or null. Only the source can lift a hold, by a newer
 * revision: an agency's `withheld` item, or one embargoed until further notice (no time given). An embargo with a
 * time is not a hold: deliveries wait for it (see `ArticleRouter`).
 */
export function publicationHold(article: Pick<ArticleEntity, 'metadata' | 'embargoUntil'>): string | null {
  const wire = article.metadata.wire as { pubStatus?: string; embargoed?: boolean } | undefined;
  if (!wire) return null;
  if (wire.pubStatus === 'withheld') return 'withheld by the agency';
  if (wire.embargoed && !article.embargoUntil) return 'embargoed until further notice';
  return null;
}
