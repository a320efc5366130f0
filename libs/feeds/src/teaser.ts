import type { FeedItem } from './feed.types';
import { markupToText } from './text/feed-text';

// Endings that say "the rest is on the site": ellipses, […], "Read more", "Continue reading".
const TRUNCATED = /(\.\.\.|…|\[\s*(…|\.\.\.)\s*\]|read more|continue reading|weiterlesen|lire la suite|leer más)\W*$/i;

/** Words below which an item's body is taken for a teaser. News articles run to hundreds of words. */
export const TEASER_MAX_WORDS = 150;

/**
 * Whether the feed carries only a teaser for this item, so the pipeline should fetch the article page:
 * no body beyond a short summary, a short body, or a body that ends in a "read more"-style truncation.
 */
export function isTeaser(item: FeedItem, maxWords: number = TEASER_MAX_WORDS): boolean {
  const body = item.contentHtml !== null ? markupToText(item.contentHtml) : (item.summary ?? '');
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words === 0) return true;
  if (TRUNCATED.test(body.slice(-60))) return true;
  return words < maxWords;
}
