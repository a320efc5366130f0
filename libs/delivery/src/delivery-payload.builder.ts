import type { ArticleEventType } from './article-event.types';
import type { ArticleForPublishing } from './article-for-publishing.types';
import { toNativeJson, type NativeArticleJson } from './native-json.mapper';
import { toNinjs, type NinjsOptions } from './ninjs.mapper';
import type { NinjsDocument } from './ninjs.types';
import type { DeliveryFormat } from './subscription.types';

/**
 * WIRE CONTRACT: the body POSTed to subscribers, following the Standard Webhooks payload convention.
 * `timestamp` is when the event happened, not when this attempt was sent (that is the `webhook-timestamp` header).
 */
export interface DeliveryEnvelope {
  type: ArticleEventType;
  timestamp: string;
  data: NinjsDocument | NativeArticleJson;
}

/** Options of {@link buildDeliveryPayload}. */
export interface DeliveryPayloadOptions extends NinjsOptions {
  /** When the event happened (the revision was stored, or the kill was issued). */
  occurredAt: Date;
}

/**
 * The JSON body of one delivery: `{"type":"article.created","timestamp":"…","data":{…}}`, minified.
 * Build it once when the delivery is created and store it: retries must send (and sign) the same bytes.
 * @throws RangeError for `article.killed` with an article that is not killed.
 */
export function buildDeliveryPayload(
  event: ArticleEventType,
  article: ArticleForPublishing,
  format: DeliveryFormat,
  options: DeliveryPayloadOptions,
): string {
  if (event === 'article.killed' && article.status !== 'killed') {
    throw new RangeError(`article ${article.id} is ${article.status}; an article.killed event needs a killed article`);
  }
  const envelope: DeliveryEnvelope = {
    type: event,
    timestamp: options.occurredAt.toISOString(),
    data: toFormat(article, format, options),
  };
  return JSON.stringify(envelope);
}

function toFormat(article: ArticleForPublishing, format: DeliveryFormat, options: NinjsOptions): DeliveryEnvelope['data'] {
  switch (format) {
    case 'ninjs':
      return toNinjs(article, options);
    case 'native':
      return toNativeJson(article);
  }
}
