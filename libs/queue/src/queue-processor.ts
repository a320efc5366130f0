import { type AppConfig, ConfigError, loadConfig } from '@copydesk/config';
import { type JobPayload, type JobsOn, QUEUE_CONCURRENCY_FACTOR, type QueueName } from '@copydesk/contracts';
import { withLogContext } from '@copydesk/logging';
import { isInfrastructureError } from '@copydesk/runtime';
import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError, type WorkerOptions } from 'bullmq';
import { RedisClient } from './redis-client.provider';
import { JobAttemptCounter, type JobOutcome } from './stage-counters';

/** One handler per job the queue carries: the compiler refuses a missing or extra one. */
export type JobHandlers<Q extends QueueName> = { [N in JobsOn<Q>]: (data: JobPayload<N>, job: Job<JobPayload<N>>) => Promise<unknown> };

/** A failure retrying cannot fix (a malformed payload, a row that no longer exists): fail the job at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** BullMQ's reason for a job whose worker died more often than maxStalledCount: a crash, not a bad input. */
export function isStalledFailure(err: unknown): boolean {
  return err instanceof Error && /stalled more than allowable limit/i.test(err.message);
}

/** Waits between runs of a job that met an unavailable dependency: from 1 s, doubling, at most 30 s (±25 %). */
export function infrastructureRetryDelay(retries: number): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(Math.max(retries, 0), 10));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Worker options that come from the environment (how long a job's lock lasts, how often stalled jobs are looked
 * for). Read when a processor class is declared, which is before Nest boots: an invalid environment yields BullMQ's
 * defaults here and is reported by runWorker a moment later.
 */
export function workerOptions(): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> {
  try {
    const config = loadConfig();
    return {
      lockDuration: config.get('WORKER_LOCK_MS'),
      stalledInterval: config.get('WORKER_STALLED_CHECK_MS'),
      // A job whose worker died twice is failed by BullMQ; the reconciler runs it again later (and gives up after
      // RECONCILE_MAX_REDRIVES), so a job that kills its worker every time cannot loop for ever.
      maxStalledCount: 2,
    };
  } catch (err) {
    if (err instanceof ConfigError) return {};
    throw err;
  }
}

/**
 * The shared shape of every queue consumer: dispatch by job name to a typed handler, with the job's correlation id
 * on every log line, concurrency from config (WORKER_CONCURRENCY times the queue's factor in the contracts),
 * permanent errors turned into BullMQ's UnrecoverableError, and infrastructure errors (PostgreSQL or Redis
 * unavailable) retried with backoff without using one of the job's attempts: an outage of any length never fails
 * an article.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly handlers: JobHandlers<Q>;
  // A property, not a constructor parameter, so no processor has to pass it on. Optional: a test module may lack it.
  @Optional()
  @Inject(RedisClient)
  private readonly countersRedis?: RedisClient;
  // Made on first use: the injected client is not there yet while the constructor runs.
  private counter?: JobAttemptCounter;

  constructor(protected readonly config: AppConfig) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY') * (QUEUE_CONCURRENCY_FACTOR[this.worker.name as QueueName] ?? 1);
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = (this.handlers as Record<string, ((data: unknown, job: Job) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on this queue`);
    const data = job.data as { correlationId?: string; articleId?: string; deliveryId?: string };
    return withLogContext(
      { correlationId: data.correlationId, jobId: job.id, job: job.name, articleId: data.articleId, deliveryId: data.deliveryId },
      async () => {
        try {
          const result = await handler(job.data, job);
          this.count(job.name, 'ok');
          return result;
        } catch (err) {
          this.count(job.name, 'failed');
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          if (token && isInfrastructureError(err)) await this.retryLater(job, token, err);
          throw err;
        }
      },
    );
  }

  /** Per-minute attempts for the dashboard's throughput chart; never holds up or fails the job. */
  private count(jobName: string, outcome: JobOutcome): void {
    if (!this.countersRedis) return;
    this.counter ??= new JobAttemptCounter(this.countersRedis, this.config.get('QUEUE_PREFIX'), (err) =>
      this.logger.debug({ err }, 'job counters not written'),
    );
    this.counter.count(jobName, outcome);
  }

  /** Puts the job back as delayed (not failed): BullMQ counts no attempt for it. */
  private async retryLater(job: Job, token: string, err: unknown): Promise<never> {
    // Runs that ended neither in success nor in a counted failure: the ones that met the outage.
    const retries = job.attemptsStarted - job.attemptsMade - 1;
    const delayMs = infrastructureRetryDelay(retries);
    this.logger.warn({ err, delayMs, retries }, 'a dependency is unavailable: the job runs again later, without using an attempt');
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  }

  /** True when BullMQ will not try this job again (the worker's `failed` event also fires before a retry). */
  protected async isFinalFailure(job: Job): Promise<boolean> {
    return (await job.getState()) === 'failed';
  }
}
