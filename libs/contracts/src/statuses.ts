/*
 * WIRE CONTRACT. These values are stored in PostgreSQL (enum-like text columns) and shown by the API.
 */

/** An article's place in the pipeline: received → extracted → enriched → published, or failed / killed. */
export enum ArticleStatus {
  Received = 'received',
  Extracted = 'extracted',
  Enriched = 'enriched',
  Published = 'published',
  Failed = 'failed',
  Killed = 'killed',
}

/** How a raw item reached us. */
export enum RawItemOrigin {
  Api = 'api',
  Webhook = 'webhook',
  Feed = 'feed',
  Scrape = 'scrape',
  Wire = 'wire',
}

export enum RawItemStatus {
  Received = 'received',
  Processed = 'processed',
  Failed = 'failed',
}

export enum SourceType {
  Push = 'push',
  Feed = 'feed',
  Sitemap = 'sitemap',
  Page = 'page',
  Webhook = 'webhook',
  Wire = 'wire',
}

export enum SubscriptionStatus {
  Active = 'active',
  Paused = 'paused',
  Disabled = 'disabled',
}

export enum SubscriptionFormat {
  Native = 'native',
  Ninjs = 'ninjs',
}

export enum DeliveryStatus {
  Pending = 'pending',
  Delivered = 'delivered',
  Failed = 'failed',
  Dead = 'dead',
  Cancelled = 'cancelled',
}

export enum ApiKeyRole {
  Admin = 'admin',
  Ingest = 'ingest',
  Read = 'read',
}
