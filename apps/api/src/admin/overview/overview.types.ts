import type { ArticleStatus, QueueName, RawItemOrigin, SubscriptionStatus } from '@copydesk/contracts';
import type { SourceView } from '../../sources/source.view';
import type { Alert } from '../alerts/alert.types';
import type { Throughput } from './throughput';

/** One queue's jobs per state, whether it is paused, and the worker connections consuming it. */
export interface QueueFigures {
  name: QueueName;
  /** Waiting to run, including prioritized jobs. */
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
  /** Worker connections on the queue; null where Redis does not allow CLIENT LIST. */
  workers: number | null;
  /** How long the oldest job waiting to run has waited; null when none waits. */
  oldestWaitingSeconds: number | null;
}

export interface SourceHealthView {
  id: string;
  slug: string;
  name: string;
  type: string;
  active: boolean;
  status: SourceView['health']['status'];
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
}

export interface FailedArticleView {
  id: string;
  source: string;
  title: string | null;
  url: string | null;
  failureReason: string | null;
  failedAt: string;
}

export interface FailedRawItemView {
  id: string;
  source: string;
  articleId: string | null;
  origin: RawItemOrigin;
  url: string | null;
  error: string | null;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
}

export interface SubscriptionDeliveriesView {
  id: string;
  name: string | null;
  url: string;
  status: SubscriptionStatus;
  disabledReason: string | null;
  pending: number;
  /** Within `deliveries.windowSeconds`. */
  delivered: number;
  failed: number;
  dead: number;
}

export type OverviewSection = 'queues' | 'articles' | 'ingest' | 'latency' | 'sources' | 'failures' | 'deliveries' | 'throughput';

/**
 * Everything the dashboard shows, in one document. A section that could not be read (Redis or PostgreSQL down or
 * slow) is null, with the reason under `errors`, so the rest still shows.
 */
export interface Overview {
  generatedAt: string;
  queues: QueueFigures[] | null;
  articles: { byStatus: Record<ArticleStatus, number>; total: number } | null;
  /** Inputs that name an article, per bucket, oldest first; the last bucket is the current, partial one. */
  ingest: { windowSeconds: number; bucketSeconds: number; total: number; buckets: Array<{ at: string; items: number }> } | null;
  /** From an article's newest input to its publication, over the articles published within the window. */
  latency: { windowSeconds: number; articles: number; medianSeconds: number | null; p95Seconds: number | null } | null;
  /** Worst first: unhealthy, failing, then the rest. */
  sources: SourceHealthView[] | null;
  failures: { windowSeconds: number; articles: FailedArticleView[]; rawItems: FailedRawItemView[] } | null;
  deliveries: { windowSeconds: number; subscriptions: SubscriptionDeliveriesView[] } | null;
  /** Per minute and stage over the last hours, and the share of job attempts that failed in the last hour. */
  throughput: Throughput | null;
  /** What needs an operator now (also sent as `ops.alert` webhooks when configured). */
  alerts: Alert[];
  errors: Partial<Record<OverviewSection, string>>;
}
