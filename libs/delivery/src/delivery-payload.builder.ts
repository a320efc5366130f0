import type { ArticleEventType } from '@copydesk/contracts';
import type { ArticleForPublishing } from './article-for-publishing.types';
import type { RenderOptions } from './formats/output-format';
import { outputFormat } from './formats/output-formats';

/**
 * The body of one delivery in the subscription's format (its media type is `outputFormat(format).mediaType`).
 * Build it once when the delivery is created and store it: retries must send (and sign) the same bytes.
 * @throws RangeError for `article.killed` with an article that is not killed, or an unknown format.
 */
export function buildDeliveryPayload(
  event: ArticleEventType,
  article: ArticleForPublishing,
  format: string,
  options: RenderOptions,
): string {
  return outputFormat(format).render(event, article, options);
}
