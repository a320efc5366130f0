import { ArticleStatus, DeliveryStatus, type RawItemOrigin, RawItemStatus, type SubscriptionStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Inputs stored per time bucket; dense (empty buckets are zero), oldest first. */
export interface IngestBucket {
  at: Date;
  items: number;
}

/** Seconds from an input's arrival to its article being published, over the articles published in a window. */
export interface PublishLatency {
  articles: number;
  medianSeconds: number | null;
  p95Seconds: number | null;
}

export interface FailedArticleRow {
  id: string;
  sourceSlug: string;
  title: string | null;
  url: string | null;
  failureReason: string | null;
  failedAt: Date;
}

export interface FailedRawItemRow {
  id: string;
  sourceSlug: string;
  articleId: string | null;
  origin: RawItemOrigin;
  url: string | null;
  error: string | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
}

export interface SubscriptionDeliveriesRow {
  id: string;
  name: string | null;
  url: string;
  status: SubscriptionStatus;
  disabledReason: string | null;
  pending: number;
  failed: number;
  dead: number;
  /** Delivered since the `since` given to the query (see `deliveriesBySubscription`). */
  delivered: number;
}

/*
 * raw_items and deliveries grow without bound, so every query on them here is bounded by time through an index:
 * raw_items by (source_id, received_at), one index range per source (a LATERAL join, as PostgreSQL < 18 cannot
 * skip-scan the leading column). OFFSET 0 keeps the planner from pulling the subquery up into a hash join over a
 * scan of all raw_items; MATERIALIZED keeps the CTE from being inlined into the queries that use it.
 */
const RECENT_RAW_ITEMS = `recent AS MATERIALIZED (
  SELECT r.* FROM sources s
  CROSS JOIN LATERAL (
    SELECT ri.id, ri.source_id, ri.article_id, ri.origin, ri.url, ri.status, ri.error, ri.attempts, ri.received_at, ri.processed_at
    FROM raw_items ri WHERE ri.source_id = s.id AND ri.received_at >= $1
    OFFSET 0
  ) r
)`;

/**
 * The read side of the admin dashboard: what the pipeline is doing, read from the same tables the workers write.
 * Each method is one query, bounded by time where the table is large.
 */
@Injectable()
export class OperationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every status with its count (zero included). An index-only scan of articles_status_created_idx. */
  async articlesByStatus(): Promise<Record<ArticleStatus, number>> {
    const rows: Array<{ status: string; count: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM articles GROUP BY status`,
    );
    const counts = Object.fromEntries(Object.values(ArticleStatus).map((status) => [status, 0])) as Record<ArticleStatus, number>;
    for (const row of rows) if (row.status in counts) counts[row.status as ArticleStatus] = row.count;
    return counts;
  }

  /**
   * Inputs that name an article (pushes, webhook items, feed items, scrapes; not the feed documents they came in),
   * counted per `bucketSeconds`, in the buckets from the one holding `since` to the one holding `until`.
   */
  async ingestBuckets(since: Date, until: Date, bucketSeconds: number): Promise<IngestBucket[]> {
    const first = Math.floor(since.getTime() / 1000 / bucketSeconds) * bucketSeconds;
    const last = Math.floor(until.getTime() / 1000 / bucketSeconds) * bucketSeconds;
    const rows: Array<{ bucket: string; items: number }> = await this.dataSource.query(
      `WITH ${RECENT_RAW_ITEMS}
       SELECT (floor(extract(epoch FROM r.received_at) / $2) * $2)::bigint AS bucket, count(*)::int AS items
       FROM recent r
       WHERE r.article_id IS NOT NULL
       GROUP BY 1`,
      [new Date(first * 1000), bucketSeconds],
    );
    const items = new Map(rows.map((row) => [Number(row.bucket), row.items]));
    const buckets: IngestBucket[] = [];
    for (let at = first; at <= last; at += bucketSeconds) buckets.push({ at: new Date(at * 1000), items: items.get(at) ?? 0 });
    return buckets;
  }

  /**
   * For the articles published since `publishedSince` (status published, `updated_at` in the window: routing is
   * their last write, so it stands for the publication time), the seconds from their newest input received before
   * it to that time. Only inputs received since `receivedSince` are looked at, which bounds the scan and leaves out
   * articles that took longer than that.
   */
  async publishLatency(publishedSince: Date, receivedSince: Date): Promise<PublishLatency> {
    const rows: Array<{ articles: number; median: number | null; p95: number | null }> = await this.dataSource.query(
      `WITH ${RECENT_RAW_ITEMS},
       latest AS (
         SELECT DISTINCT ON (a.id) extract(epoch FROM a.updated_at - r.received_at)::float8 AS seconds
         FROM recent r
         JOIN articles a ON a.id = r.article_id
         WHERE a.status = $2 AND a.updated_at >= $3 AND r.received_at <= a.updated_at
         ORDER BY a.id, r.received_at DESC
       )
       SELECT count(*)::int AS articles,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY seconds) AS p95
       FROM latest`,
      [receivedSince, ArticleStatus.Published, publishedSince],
    );
    const row = rows[0];
    return { articles: row?.articles ?? 0, medianSeconds: row?.median ?? null, p95Seconds: row?.p95 ?? null };
  }

  /**
   * The latest failed articles among those whose input failed since `since`. An article fails only with its input
   * (when nothing usable was ever stored for it), so starting from the recent failed inputs finds them all without
   * reading every failed article ever.
   */
  recentFailedArticles(since: Date, limit: number): Promise<FailedArticleRow[]> {
    return this.dataSource.query(
      `WITH ${RECENT_RAW_ITEMS}
       SELECT a.id, s.slug AS "sourceSlug", a.title, a.url, a.failure_reason AS "failureReason", a.updated_at AS "failedAt"
       FROM articles a JOIN sources s ON s.id = a.source_id
       WHERE a.status = $2 AND a.id IN (SELECT r.article_id FROM recent r WHERE r.status = $3)
       ORDER BY a.updated_at DESC
       LIMIT $4`,
      [since, ArticleStatus.Failed, RawItemStatus.Failed, limit],
    );
  }

  /** The latest failed inputs among those received since `since`, newest first. */
  recentFailedRawItems(since: Date, limit: number): Promise<FailedRawItemRow[]> {
    return this.dataSource.query(
      `WITH ${RECENT_RAW_ITEMS}
       SELECT r.id, s.slug AS "sourceSlug", r.article_id AS "articleId", r.origin, r.url, r.error, r.attempts,
              r.received_at AS "receivedAt", r.processed_at AS "processedAt"
       FROM recent r JOIN sources s ON s.id = r.source_id
       WHERE r.status = $2
       ORDER BY r.received_at DESC
       LIMIT $3`,
      [since, RawItemStatus.Failed, limit],
    );
  }

  /**
   * Per subscription (deleted ones left out): deliveries pending, failed and dead (through the (subscription_id,
   * status, seq) index), and those delivered since `since`. "Delivered since" reads only the deliveries created
   * since then (`seq` above the last one created before, one range of deliveries_seq_key), which bounds the scan; a
   * delivery created earlier and delivered in the window after long retries is not counted.
   */
  deliveriesBySubscription(since: Date): Promise<SubscriptionDeliveriesRow[]> {
    return this.dataSource.query(
      `WITH floor AS MATERIALIZED (
         -- A backward walk of deliveries_seq_key that stops at the first delivery created before the window.
         SELECT coalesce((SELECT seq FROM deliveries WHERE created_at < $1 ORDER BY seq DESC LIMIT 1), 0) AS seq
       ),
       delivered AS (
         SELECT subscription_id, count(*)::int AS delivered FROM deliveries
         WHERE seq > (SELECT seq FROM floor) AND status = $2 AND delivered_at >= $1
         GROUP BY subscription_id
       )
       SELECT s.id, s.name, s.url, s.status, s.disabled_reason AS "disabledReason",
              open.pending, open.failed, open.dead, coalesce(delivered.delivered, 0) AS delivered
       FROM subscriptions s
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE d.status = $3)::int AS pending,
                count(*) FILTER (WHERE d.status = $4)::int AS failed,
                count(*) FILTER (WHERE d.status = $5)::int AS dead
         FROM deliveries d WHERE d.subscription_id = s.id AND d.status IN ($3, $4, $5)
       ) open
       LEFT JOIN delivered ON delivered.subscription_id = s.id
       WHERE s.deleted_at IS NULL
       ORDER BY s.created_at`,
      [since, DeliveryStatus.Delivered, DeliveryStatus.Pending, DeliveryStatus.Failed, DeliveryStatus.Dead],
    );
  }
}
