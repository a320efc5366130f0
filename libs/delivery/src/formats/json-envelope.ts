import type { ArticleEventType } from '@copydesk/contracts';

/**
 * WIRE CONTRACT: the JSON body POSTed to subscribers of the JSON formats, following the Standard Webhooks payload
 * convention. `timestamp` is when the event happened, not when this attempt was sent (that is the
 * `webhook-timestamp` header).
 */
export interface DeliveryEnvelope<D = unknown> {
  type: ArticleEventType;
  timestamp: string;
  data: D;
}

/** `{"type":"article.created","timestamp":"…","data":{…}}`, minified. */
export function envelope<D>(type: ArticleEventType, occurredAt: Date, data: D): string {
  const body: DeliveryEnvelope<D> = { type, timestamp: occurredAt.toISOString(), data };
  return JSON.stringify(body);
}

/** Parses an envelope back, or says what is wrong with it. */
export function readEnvelope(body: string): { envelope?: DeliveryEnvelope; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return { problems: [`not JSON: ${(err as Error).message}`] };
  }
  const candidate = parsed as Partial<DeliveryEnvelope> | null;
  const problems: string[] = [];
  if (typeof candidate !== 'object' || candidate === null) return { problems: ['not a JSON object'] };
  if (typeof candidate.type !== 'string' || !candidate.type.startsWith('article.')) problems.push('type is not an article event');
  if (typeof candidate.timestamp !== 'string' || Number.isNaN(Date.parse(candidate.timestamp))) problems.push('timestamp is not a date');
  if (typeof candidate.data !== 'object' || candidate.data === null) problems.push('data is not an object');
  return problems.length ? { problems } : { envelope: candidate as DeliveryEnvelope, problems };
}
