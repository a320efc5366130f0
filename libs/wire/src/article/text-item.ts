import type { ArticleParts } from './wire-article.builder';

/**
 * Whether an item is copy to ingest as an article: its class says text, or it has no class (or is a composite)
 * and carries copy or a headline. Pictures, video, graphics and events are kept apart.
 */
export function isTextItem(parts: ArticleParts): boolean {
  const itemClass = parts.itemClass?.toLowerCase() ?? null;
  if (itemClass === 'text') return true;
  if (itemClass !== null && itemClass !== 'composite') return false;
  return !!(parts.bodyHtml?.trim() || parts.title?.trim());
}
