/*
 * WIRE CONTRACT. These values are stored in PostgreSQL (enum-like text columns) and shown by the API.
 */

/**
 * An article's place in the pipeline: received → extracted → enriched → published, or failed / killed; `withheld`
 * when its source says it must not be used yet (an agency's `pubStatus` withheld, an embargo until further notice).
 */
export enum ArticleStatus {
  Received = 'received',
  Extracted = 'extracted',
  Enriched = 'enriched',
  Published = 'published',
  Withheld = 'withheld',
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
  /** A local directory agencies drop wire files into. */
  Folder = 'folder',
}

export enum SubscriptionStatus {
  Active = 'active',
  Paused = 'paused',
  Disabled = 'disabled',
}

export enum DeliveryStatus {
  Pending = 'pending',
  Delivered = 'delivered',
  Failed = 'failed',
  Dead = 'dead',
  Cancelled = 'cancelled',
}

/**
 * What an API key may do. A key holds one or more; `admin` includes every other.
 * - ingest: push articles, ask for pages to be scraped, post inbound webhooks
 * - read: articles, search, clusters, raw items, sources, stats, jobs
 * - manage: kill, re-enrich, corrections, sources, subscriptions, deliveries, replays
 * - admin: API keys, audit log, bulk re-enrichment, the dashboard
 */
export enum ApiScope {
  Ingest = 'ingest',
  Read = 'read',
  Manage = 'manage',
  Admin = 'admin',
}

export const API_SCOPES: readonly ApiScope[] = [ApiScope.Ingest, ApiScope.Read, ApiScope.Manage, ApiScope.Admin];

/** What the audit log records: who changed what. Stored in `audit_log.action`. */
export enum AuditAction {
  ApiKeyCreated = 'api-key.created',
  ApiKeyRevoked = 'api-key.revoked',
  ArticleKilled = 'article.killed',
  ArticleReEnrichRequested = 'article.re-enrich-requested',
  ArticleTopicsCorrected = 'article.topics-corrected',
  ArticleEntitiesCorrected = 'article.entities-corrected',
  RawItemReplayed = 'raw-item.replayed',
  BulkReEnrichRequested = 'enrichment.bulk-re-enrich-requested',
  SourceCreated = 'source.created',
  SourceUpdated = 'source.updated',
  SourceWebhookSecretRotated = 'source.webhook-secret-rotated',
  SourcePollRequested = 'source.poll-requested',
  SubscriptionCreated = 'subscription.created',
  SubscriptionUpdated = 'subscription.updated',
  SubscriptionDeleted = 'subscription.deleted',
  SubscriptionSecretRotated = 'subscription.secret-rotated',
  SubscriptionDeliveriesReplayed = 'subscription.deliveries-replayed',
  DeliveryReplayed = 'delivery.replayed',
  QueuePaused = 'queue.paused',
  QueueResumed = 'queue.resumed',
  QueueFailedRetried = 'queue.failed-retried',
  JobRetried = 'job.retried',
  JobDiscarded = 'job.discarded',
  ArticleTakenDown = 'article.taken-down',
}
