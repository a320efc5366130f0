import { QueueName } from '@copydesk/contracts';
import { redisOptionsFromUrl } from '@copydesk/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Client } from 'pg';

/** Samples each queue's backlog (waiting, prioritized, delayed and active jobs) and keeps the peak. */
export class QueueDepthSampler {
  private readonly queues: Queue[];
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(redisUrl: string, prefix: string) {
    const connection = redisOptionsFromUrl(redisUrl);
    this.queues = [QueueName.Ingest, QueueName.Enrichment, QueueName.Publish].map((name) => new Queue(name, { connection, prefix }));
  }

  /** Worker processes consuming each queue (BullMQ's worker registry). */
  async workers(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const queue of this.queues) counts[queue.name] = (await queue.getWorkers()).length;
    return counts;
  }

  start(intervalMs = 250): void {
    this.timer = setInterval(() => {
      // A failed sample is reported, not thrown: an unhandled rejection would end the bench and hide why a run failed.
      this.sampling = this.sample().catch((err: unknown) => console.error(`[bench] queue depth not sampled: ${String(err)}`));
    }, intervalMs);
  }

  private async sample(): Promise<void> {
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      const depth = Object.values(counts).reduce((a, b) => a + b, 0);
      this.peaks.set(queue.name, Math.max(this.peaks.get(queue.name) ?? 0, depth));
    }
  }

  async stop(): Promise<Record<string, number>> {
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    return Object.fromEntries(this.queues.map((queue) => [queue.name, this.peaks.get(queue.name) ?? 0]));
  }

  async close(): Promise<void> {
    // A run that failed midway never called stop(): no sample may run on a closed connection.
    await this.stop();
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

export interface StageTiming {
  stage: string;
  p50: number | null;
  p95: number | null;
}

/**
 * Per-stage latency of the given articles from what the database stored: received (raw item) → extracted (revision
 * 1) → enriched (articles.enriched_at, where the schema has it) → published (the delivery row) → delivered.
 */
export async function stageTimings(db: Client, articleIds: string[]): Promise<StageTiming[]> {
  const { rows: columns } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'enriched_at'`,
  );
  const enriched = columns[0].n > 0 ? 'a.enriched_at' : 'NULL::timestamptz';
  const { rows } = await db.query<{ stage: string; p50: number | null; p95: number | null }>(
    `WITH t AS (
       SELECT (SELECT min(r.received_at) FROM raw_items r WHERE r.article_id = a.id) AS received,
              (SELECT v.created_at FROM article_revisions v WHERE v.article_id = a.id AND v.revision = 1) AS extracted,
              ${enriched} AS enriched,
              d.created_at AS published, d.delivered_at AS delivered
       FROM articles a JOIN deliveries d ON d.article_id = a.id AND d.event = 'article.created'
       WHERE a.id = ANY($1::uuid[])
     ), spans AS (
       SELECT 'received → extracted' AS stage, 1 AS o, extract(epoch FROM extracted - received) * 1000 AS ms FROM t
       UNION ALL SELECT 'extracted → enriched', 2, extract(epoch FROM enriched - extracted) * 1000 FROM t
       UNION ALL SELECT 'enriched → published', 3, extract(epoch FROM published - enriched) * 1000 FROM t
       UNION ALL SELECT 'extracted → published', 4, extract(epoch FROM published - extracted) * 1000 FROM t
       UNION ALL SELECT 'published → delivered', 5, extract(epoch FROM delivered - published) * 1000 FROM t
       UNION ALL SELECT 'received → delivered', 6, extract(epoch FROM delivered - received) * 1000 FROM t
     )
     SELECT stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
     FROM spans GROUP BY stage, o ORDER BY o`,
    [articleIds],
  );
  return rows.map((r) => ({ stage: r.stage, p50: r.p50 === null ? null : Number(r.p50), p95: r.p95 === null ? null : Number(r.p95) }));
}

export interface GraphFigures {
  relations: number;
  maxRelationsPerArticle: number;
  clusters: number;
  largestCluster: number;
}

/** How big the relation graph and the story clusters grew. */
export async function graphFigures(db: Client): Promise<GraphFigures> {
  const { rows } = await db.query<{ relations: string; max_per_article: string | null; clusters: string; largest: string | null }>(
    `SELECT (SELECT count(*) FROM article_relations) AS relations,
            (SELECT max(n) FROM (SELECT count(*) AS n FROM article_relations GROUP BY article_id) x) AS max_per_article,
            (SELECT count(*) FROM story_clusters WHERE merged_into IS NULL AND article_count > 0) AS clusters,
            (SELECT max(article_count) FROM story_clusters) AS largest`,
  );
  const r = rows[0];
  return {
    relations: Number(r.relations),
    maxRelationsPerArticle: Number(r.max_per_article ?? 0),
    clusters: Number(r.clusters),
    largestCluster: Number(r.largest ?? 0),
  };
}

export interface StatementFigure {
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  /** False for a statement run inside another (a trigger's, a foreign-key check): not a round trip of its own. */
  toplevel: boolean;
  query: string;
}

/** The statements PostgreSQL spent most time on (pg_stat_statements), for this database. */
export async function topStatements(db: Client, limit: number): Promise<StatementFigure[]> {
  const { rows } = await db.query<{ calls: string; total: number; mean: number; rows: string; toplevel: boolean; query: string }>(
    `SELECT s.calls, s.total_exec_time AS total, s.mean_exec_time AS mean, s.rows, s.toplevel, s.query
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'
     ORDER BY s.total_exec_time DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    calls: Number(r.calls),
    totalMs: Number(r.total),
    meanMs: Number(r.mean),
    rows: Number(r.rows),
    toplevel: r.toplevel,
    query: r.query.replace(/\s+/g, ' ').slice(0, 160),
  }));
}

/**
 * Statements and transactions so far: the statements the processes sent (round trips), those run inside them
 * (triggers, foreign-key checks; pg_stat_statements.track = all counts them too) and commits.
 */
export async function statementTotals(db: Client): Promise<{ calls: number; nested: number; commits: number }> {
  const { rows } = await db.query<{ calls: string; nested: string; commits: string }>(
    `WITH s AS (
       SELECT s.calls, s.toplevel FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat%'
     )
     SELECT (SELECT coalesce(sum(calls), 0) FROM s WHERE toplevel) AS calls,
            (SELECT coalesce(sum(calls), 0) FROM s WHERE NOT toplevel) AS nested,
            (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits`,
  );
  return { calls: Number(rows[0].calls), nested: Number(rows[0].nested), commits: Number(rows[0].commits) };
}

/** Calls and server time of each Redis command so far (`INFO commandstats`; commands run inside scripts count too). */
export type RedisCommandStats = Map<string, { calls: number; usec: number }>;

export async function redisCommandStats(redisUrl: string): Promise<RedisCommandStats> {
  const redis = new Redis(redisOptionsFromUrl(redisUrl));
  try {
    const info = await redis.info('commandstats');
    const stats: RedisCommandStats = new Map();
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
      stats.set(match[1], { calls: Number(match[2]), usec: Number(match[3]) });
    }
    return stats;
  } finally {
    redis.disconnect();
  }
}

export interface RedisCommandFigures {
  /** Commands per article, the ones scripts run included. */
  commandsPerArticle: number;
  /** The commands with the most calls per article, e.g. `evalsha 9.1`. */
  top: Array<{ command: string; perArticle: number }>;
}

/** What the run cost Redis per article: the difference of two `redisCommandStats`, divided by the articles. */
export function redisCommandFigures(before: RedisCommandStats, after: RedisCommandStats, articles: number, limit = 8): RedisCommandFigures {
  const deltas = [...after].map(([command, { calls }]) => ({
    command,
    perArticle: (calls - (before.get(command)?.calls ?? 0)) / articles,
  }));
  // The probe's own INFO call is not the pipeline's.
  const counted = deltas.filter((d) => d.command !== 'info' && d.perArticle > 0);
  return {
    commandsPerArticle: counted.reduce((sum, d) => sum + d.perArticle, 0),
    top: counted.sort((a, b) => b.perArticle - a.perArticle).slice(0, limit),
  };
}
