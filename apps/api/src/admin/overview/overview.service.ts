import { AppConfig } from '@copydesk/config';
import { QueueName } from '@copydesk/contracts';
import { DashboardRepository, OperationsRepository, SourceRepository } from '@copydesk/database';
import { JobQueue, readJobAttempts, RedisClient } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { toSourceView } from '../../sources/source.view';
import { evaluateAlerts } from '../alerts/alert-rules';
import type { Overview, OverviewSection, QueueFigures, SourceHealthView } from './overview.types';
import { buildThroughput, type Throughput } from './throughput';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const INGEST_WINDOW_SECONDS = 6 * HOUR;
const INGEST_BUCKET_SECONDS = 5 * MINUTE;
const LATENCY_WINDOW_SECONDS = HOUR;
const FAILURE_WINDOW_SECONDS = 24 * HOUR;
const FAILURES_SHOWN = 10;
const DELIVERY_WINDOW_SECONDS = 24 * HOUR;
const THROUGHPUT_WINDOW_MINUTES = 3 * 60;
const ERROR_WINDOW_MINUTES = 60;

// Every open dashboard asks every 5 s: one overview serves them all for this long.
const CACHE_MS = 2_000;
// Redis commands wait for a lost connection (BullMQ's setting); a section must not hold the page up.
const SECTION_TIMEOUT_MS = 5_000;
// Queries of one overview at once: most of the API's connection pool stays free for /v1.
const DATABASE_LANES = 3;

const HEALTH_RANK: Record<SourceHealthView['status'], number> = { unhealthy: 0, failing: 1, healthy: 2, idle: 3 };

const ago = (seconds: number, now: Date): Date => new Date(now.getTime() - seconds * 1000);
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs at most `concurrency` of the works given at once, the others in turn. */
function lanes(concurrency: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running < concurrency) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // Hand the lane straight to the next in line, or free it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** The admin dashboard's one document: queues from Redis, the rest from PostgreSQL, read section by section. */
@Injectable()
export class OverviewService {
  private readonly logger = new Logger(OverviewService.name);
  private cached: { at: number; overview: Promise<Overview> } | null = null;

  constructor(
    private readonly operations: OperationsRepository,
    private readonly dashboard: DashboardRepository,
    private readonly sources: SourceRepository,
    private readonly jobs: JobQueue,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  overview(): Promise<Overview> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.overview;
    const overview = this.read(new Date(now));
    this.cached = { at: now, overview };
    return overview;
  }

  /** After a change (a queue paused, say), the next overview shows it. */
  invalidate(): void {
    this.cached = null;
  }

  private async read(now: Date): Promise<Overview> {
    const errors: Overview['errors'] = {};
    const database = lanes(DATABASE_LANES);
    const section = async <T>(name: OverviewSection, read: () => Promise<T>): Promise<T | null> => {
      try {
        return await withTimeout(name === 'queues' ? read() : database(read), SECTION_TIMEOUT_MS);
      } catch (err) {
        this.logger.warn({ err, section: name }, 'admin overview: a section could not be read');
        errors[name] = err instanceof Error ? err.message : String(err);
        return null;
      }
    };
    const [queues, articles, ingest, latency, sources, failures, deliveries, throughput] = await Promise.all([
      section('queues', () => Promise.all(Object.values(QueueName).map((name) => this.queueFigures(name)))),
      section('articles', async () => {
        const byStatus = await this.operations.articlesByStatus();
        return { byStatus, total: Object.values<number>(byStatus).reduce((sum, n) => sum + n, 0) };
      }),
      section('ingest', async () => {
        const buckets = await this.operations.ingestBuckets(
          ago(INGEST_WINDOW_SECONDS - INGEST_BUCKET_SECONDS, now),
          now,
          INGEST_BUCKET_SECONDS,
        );
        return {
          windowSeconds: INGEST_WINDOW_SECONDS,
          bucketSeconds: INGEST_BUCKET_SECONDS,
          total: buckets.reduce((sum, bucket) => sum + bucket.items, 0),
          buckets: buckets.map((bucket) => ({ at: bucket.at.toISOString(), items: bucket.items })),
        };
      }),
      section('latency', async () => ({
        windowSeconds: LATENCY_WINDOW_SECONDS,
        ...(await this.operations.publishLatency(ago(LATENCY_WINDOW_SECONDS, now), ago(INGEST_WINDOW_SECONDS, now))),
      })),
      section('sources', () => this.sourceHealth()),
      section('failures', () => this.failures(now)),
      section('deliveries', async () => ({
        windowSeconds: DELIVERY_WINDOW_SECONDS,
        subscriptions: await this.operations.deliveriesBySubscription(ago(DELIVERY_WINDOW_SECONDS, now)),
      })),
      section('throughput', () => this.throughput(now)),
    ]);
    const alerts = evaluateAlerts(
      { sources, subscriptions: deliveries?.subscriptions ?? null, queues },
      { queueBacklog: this.config.get('ALERT_QUEUE_BACKLOG'), pipelineLagSeconds: this.config.get('ALERT_PIPELINE_LAG_SECONDS') },
    );
    return { generatedAt: now.toISOString(), queues, articles, ingest, latency, sources, failures, deliveries, throughput, alerts, errors };
  }

  /** Per-minute stage counts over the last hours: two database queries (one lane each, in turn) and the job counters. */
  private async throughput(now: Date): Promise<Throughput> {
    const since = ago((THROUGHPUT_WINDOW_MINUTES - 1) * MINUTE, now);
    const first = new Date(Math.floor(since.getTime() / 60_000) * 60_000);
    const received = await this.dashboard.receivedPerBucket(first, MINUTE);
    const delivered = await this.dashboard.deliveredPerBucket(first, MINUTE);
    const minutes = await readJobAttempts(this.redis, this.config.get('QUEUE_PREFIX'), first, now);
    return buildThroughput({ minutes, received, delivered, errorWindowMinutes: ERROR_WINDOW_MINUTES });
  }

  private async queueFigures(name: QueueName): Promise<QueueFigures> {
    const queue = this.jobs.queue(name);
    const [counts, paused, workers, oldest] = await Promise.all([
      queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
      queue.isPaused(),
      // CLIENT LIST is refused by some managed Redis services: the count is a nicety, not a reason to fail.
      queue.getWorkersCount().catch(() => null),
      // The oldest job waiting, for the lag alert: one end of the wait list.
      queue.getJobs(['wait'], 0, 0, true),
    ]);
    const waitedSince = oldest[0]?.timestamp;
    return {
      name,
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
      paused,
      workers,
      oldestWaitingSeconds: waitedSince ? Math.max(0, (Date.now() - waitedSince) / 1000) : null,
    };
  }

  private async sourceHealth(): Promise<SourceHealthView[]> {
    const views = (await this.sources.list()).map((source) => {
      // The same health rules as GET /v1/sources.
      const { health } = toSourceView(source, false);
      return {
        id: source.id,
        slug: source.slug,
        name: source.name,
        type: source.type,
        active: source.active,
        status: health.status,
        lastPolledAt: health.lastPolledAt,
        lastSuccessAt: health.lastSuccessAt,
        lastError: health.lastError,
        lastErrorAt: health.lastErrorAt,
        consecutiveFailures: health.consecutiveFailures,
        nextPollAt: health.nextPollAt,
      };
    });
    return views.sort((a, b) => HEALTH_RANK[a.status] - HEALTH_RANK[b.status] || a.slug.localeCompare(b.slug));
  }

  private async failures(now: Date): Promise<NonNullable<Overview['failures']>> {
    const since = ago(FAILURE_WINDOW_SECONDS, now);
    // One after the other: the section has one database lane.
    const articles = await this.operations.recentFailedArticles(since, FAILURES_SHOWN);
    const rawItems = await this.operations.recentFailedRawItems(since, FAILURES_SHOWN);
    return {
      windowSeconds: FAILURE_WINDOW_SECONDS,
      articles: articles.map((a) => ({
        id: a.id,
        source: a.sourceSlug,
        title: a.title,
        url: a.url,
        failureReason: a.failureReason,
        failedAt: a.failedAt.toISOString(),
      })),
      rawItems: rawItems.map((r) => ({
        id: r.id,
        source: r.sourceSlug,
        articleId: r.articleId,
        origin: r.origin,
        url: r.url,
        error: r.error,
        attempts: r.attempts,
        receivedAt: r.receivedAt.toISOString(),
        processedAt: iso(r.processedAt),
      })),
    };
  }
}
