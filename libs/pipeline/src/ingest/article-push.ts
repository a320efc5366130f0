/*
 * WIRE CONTRACT. The JSON a CMS pushes to POST /v1/articles; it is stored as received in raw_items and parsed
 * again by the ingest worker, possibly long after (a replay), so fields are only ever added.
 */
export interface ArticlePush {
  title: string;
  /** HTML or plain text; `bodyFormat` says which, or it is sniffed. */
  body: string;
  bodyFormat?: 'html' | 'text';
  url?: string;
  byline?: string;
  publishedAt?: string;
  modifiedAt?: string;
  externalId?: string;
  source?: string;
  language?: string;
  description?: string;
  embargoUntil?: string;
  /** ninjs vocabulary: `canceled` withdraws (kills) the article the externalId names. */
  pubStatus?: 'usable' | 'canceled';
  /** Why it was withdrawn, with `pubStatus: canceled`. */
  killReason?: string;
}
