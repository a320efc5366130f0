import { AppConfig } from '@copydesk/config';
import { JOB_OPTIONS, JobName, QueueName, type SourceType, jobId } from '@copydesk/contracts';
import { SourceRepository, type SourceEntity } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { sourceKinds } from './source-kinds';

/** The scheduler id of a source: one per source, so a source is never polled on two schedules. */
export const pollSchedulerId = (sourceId: string): string => `poll-${sourceId}`;

/**
 * Keeps one BullMQ job scheduler per polled source. Schedulers live in Redis, so they survive restarts of every
 * process; `reconcile` restores any that a Redis without persistence lost.
 */
@Injectable()
export class PollScheduler {
  private readonly logger = new Logger(PollScheduler.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly sources: SourceRepository,
    private readonly config: AppConfig,
  ) {}

  /** The interval a source is polled at now: its adaptive value, else its configured one, else the default. */
  currentInterval(source: SourceEntity): number {
    const adaptive = (source.config as { adaptiveIntervalSeconds?: number }).adaptiveIntervalSeconds;
    return adaptive ?? source.pollIntervalSeconds ?? this.config.get('FEED_DEFAULT_INTERVAL_SECONDS');
  }

  bounds(source: SourceEntity): { minSeconds: number; maxSeconds: number } {
    const own = source.config as { minIntervalSeconds?: number; maxIntervalSeconds?: number };
    return {
      minSeconds: own.minIntervalSeconds ?? Math.min(this.config.get('FEED_MIN_INTERVAL_SECONDS'), source.pollIntervalSeconds ?? Infinity),
      maxSeconds: own.maxIntervalSeconds ?? this.config.get('FEED_MAX_INTERVAL_SECONDS'),
    };
  }

  /**
   * Polls the source every `intervalSeconds`. Without `firstAt` the first poll runs at once (a new source);
   * with it, not before then (a rescheduled one, so changing the interval never triggers an extra poll).
   */
  async schedule(sourceId: string, intervalSeconds: number, firstAt?: Date): Promise<void> {
    const { removeOnComplete, removeOnFail, attempts } = JOB_OPTIONS[JobName.PollSource];
    await this.queue
      .queue(QueueName.Poll)
      .upsertJobScheduler(
        pollSchedulerId(sourceId),
        { every: intervalSeconds * 1000, ...(firstAt ? { startDate: firstAt } : {}) },
        { name: JobName.PollSource, data: { sourceId }, opts: { removeOnComplete, removeOnFail, attempts } },
      );
  }

  async unschedule(sourceId: string): Promise<void> {
    await this.queue.queue(QueueName.Poll).removeJobScheduler(pollSchedulerId(sourceId));
  }

  /** A poll outside the schedule, e.g. from `POST /v1/sources/:id/poll`. The poller's lock keeps it from overlapping one. */
  async pollNow(sourceId: string, correlationId: string): Promise<void> {
    await this.queue.enqueue(JobName.PollSource, { sourceId, correlationId }, { jobId: jobId('poll-now', sourceId, correlationId) });
  }

  /** Makes the schedulers match the sources table: one per active source of a scheduled kind, none for the others. */
  async reconcile(): Promise<void> {
    const polled = await this.sources.listActiveOfTypes(sourceKinds.typesPolledBy('scheduled'));
    const wanted = new Set(polled.map((source) => pollSchedulerId(source.id)));
    const existing = await this.queue.queue(QueueName.Poll).getJobSchedulers(0, -1);
    const have = new Set(existing.map((scheduler) => scheduler.key));
    for (const source of polled) {
      if (!have.has(pollSchedulerId(source.id))) {
        await this.schedule(source.id, this.currentInterval(source), source.nextPollAt ?? undefined);
      }
    }
    for (const scheduler of existing) {
      if (!wanted.has(scheduler.key)) await this.queue.queue(QueueName.Poll).removeJobScheduler(scheduler.key);
    }
    this.logger.log({ sources: polled.length }, 'poll schedules reconciled');
  }

  /** Polled on a schedule: the source kind says (see `sources/kinds`). */
  static isPolled(type: SourceType | string): boolean {
    return sourceKinds.isScheduled(type);
  }
}
