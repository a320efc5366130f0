import { DeliveryStatus, RawItemStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryAttemptEntity } from '../entities';

/** Counts per time bucket: the bucket's start (seconds since the epoch) → count. Empty buckets are absent. */
export type BucketCounts = Map<number, number>;

/** One subscription's attempts within a window: how many went through, how long the subscriber took. */
export interface SubscriptionAttemptStats {
  subscriptionId: string;
  attempts: number;
  delivered: number;
  failed: number;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  lastFailureAt: Date | null;
  lastError: string | null;
  lastStatusCode: number | null;
}

/** A source's inputs per bucket: all of them, and those that failed. */
export interface SourceActivityBucket {
  at: number;
  items: number;
  failed: number;
}

export interface ArticleSourceRow {
  articleId: string;
  sourceId: string;
  sourceSlug: string;
}

/*
 * deliveries grow without bound: a window over them starts at `seq` above the last delivery created before it (one
 * backward walk of deliveries_seq_key), so "recent" reads one index range whatever the history holds. A delivery
 * created before the window and settled in it after long retries is not counted: the window is about creation.
 */
const DELIVERY_FLOOR = `floor AS MATERIALIZED (
  SELECT coalesce((SELECT seq FROM deliveries WHERE created_at < $1 ORDER BY seq DESC LIMIT 1), 0) AS seq
)`;

/**
 * The admin dashboard's own read models (charts, subscription and source health), kept apart from the hot
 * repositories. Every query is bounded by time through an index.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inputs that name an article, per bucket, since `since`: one index range of raw_items per source. */
  async receivedPerBucket(since: Date, bucketSeconds: number): Promise<BucketCounts> {
    const rows: Array<{ bucket: string; items: number }> = await this.dataSource.query(
      `SELECT (floor(extract(epoch FROM r.received_at) / $2) * $2)::bigint AS bucket, count(*)::int AS items
       FROM sources s
       CROSS JOIN LATERAL (
         SELECT ri.received_at FROM raw_items ri
         WHERE ri.source_id = s.id AND ri.received_at >= $1 AND ri.article_id IS NOT NULL
         OFFSET 0
       ) r
       GROUP BY 1`,
      [since, bucketSeconds],
    );
    return new Map(rows.map((row) => [Number(row.bucket), row.items]));
  }

  /** Deliveries delivered per bucket, among those created since `since`. */
  async deliveredPerBucket(since: Date, bucketSeconds: number): Promise<BucketCounts> {
    const rows: Array<{ bucket: string; items: number }> = await this.dataSource.query(
      `WITH ${DELIVERY_FLOOR}
       SELECT (floor(extract(epoch FROM d.delivered_at) / $2) * $2)::bigint AS bucket, count(*)::int AS items
       FROM deliveries d
       WHERE d.seq > (SELECT seq FROM floor) AND d.status = $3 AND d.delivered_at >= $1
       GROUP BY 1`,
      [since, bucketSeconds, DeliveryStatus.Delivered],
    );
    return new Map(rows.map((row) => [Number(row.bucket), row.items]));
  }

  /** Per subscription: the attempts made since `since` on deliveries created since then, and their latency. */
  subscriptionAttemptStats(since: Date): Promise<SubscriptionAttemptStats[]> {
    return this.dataSource.query(
      `WITH ${DELIVERY_FLOOR},
       recent AS (
         SELECT d.subscription_id, a.outcome, a.latency_ms, a.error, a.response_code, a.created_at
         FROM deliveries d JOIN delivery_attempts a ON a.delivery_id = d.id
         WHERE d.seq > (SELECT seq FROM floor) AND a.created_at >= $1
       ),
       last_failure AS (
         SELECT DISTINCT ON (subscription_id) subscription_id, created_at, error, response_code
         FROM recent WHERE outcome <> 'delivered'
         ORDER BY subscription_id, created_at DESC
       )
       SELECT r.subscription_id AS "subscriptionId",
              count(*)::int AS attempts,
              count(*) FILTER (WHERE r.outcome = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE r.outcome <> 'delivered')::int AS failed,
              avg(r.latency_ms)::float8 AS "avgLatencyMs",
              percentile_cont(0.95) WITHIN GROUP (ORDER BY r.latency_ms)::float8 AS "p95LatencyMs",
              f.created_at AS "lastFailureAt", f.error AS "lastError", f.response_code AS "lastStatusCode"
       FROM recent r LEFT JOIN last_failure f ON f.subscription_id = r.subscription_id
       GROUP BY r.subscription_id, f.created_at, f.error, f.response_code`,
      [since],
    );
  }

  /** A source's inputs per bucket since `since` (the feed documents polls fetched included). */
  async sourceActivity(sourceId: string, since: Date, bucketSeconds: number): Promise<SourceActivityBucket[]> {
    const rows: Array<{ bucket: string; items: number; failed: number }> = await this.dataSource.query(
      `SELECT (floor(extract(epoch FROM received_at) / $3) * $3)::bigint AS bucket, count(*)::int AS items,
              count(*) FILTER (WHERE status = $4)::int AS failed
       FROM raw_items WHERE source_id = $1 AND received_at >= $2
       GROUP BY 1 ORDER BY 1`,
      [sourceId, since, bucketSeconds, RawItemStatus.Failed],
    );
    return rows.map((row) => ({ at: Number(row.bucket), items: row.items, failed: row.failed }));
  }

  /** Every attempt of the deliveries given, oldest first. */
  attemptsFor(deliveryIds: string[]): Promise<DeliveryAttemptEntity[]> {
    if (!deliveryIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id, delivery_id AS "deliveryId", attempt, outcome, response_code AS "responseCode", latency_ms AS "latencyMs",
              error, next_attempt_at AS "nextAttemptAt", response_body AS "responseBody", created_at AS "createdAt"
       FROM delivery_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
  }

  /** The source of each article given (for jobs, which carry article ids only). */
  articleSources(articleIds: string[]): Promise<ArticleSourceRow[]> {
    if (!articleIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT a.id AS "articleId", s.id AS "sourceId", s.slug AS "sourceSlug"
       FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ANY($1::uuid[])`,
      [articleIds],
    );
  }

  /** The article of each raw item given. */
  async rawItemArticles(rawItemIds: string[]): Promise<Map<string, string | null>> {
    if (!rawItemIds.length) return new Map();
    const rows: Array<{ id: string; articleId: string | null }> = await this.dataSource.query(
      `SELECT id, article_id AS "articleId" FROM raw_items WHERE id = ANY($1::uuid[])`,
      [rawItemIds],
    );
    return new Map(rows.map((row) => [row.id, row.articleId]));
  }
}
