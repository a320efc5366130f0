import type { AppConfig } from '@copydesk/config';
import type { JobPayload, JobsOn, QueueName } from '@copydesk/contracts';
import { withLogContext } from '@copydesk/logging';
import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { RedisClient } from './redis-client.provider';
import { countJobAttempt, type JobOutcome } from './stage-counters';

/** One handler per job the queue carries: the compiler refuses a missing or extra one. */
export type JobHandlers<Q extends QueueName> = { [N in JobsOn<Q>]: (data: JobPayload<N>, job: Job<JobPayload<N>>) => Promise<unknown> };

/** A failure retrying cannot fix (a malformed payload, a row that no longer exists): fail the job at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * The shared shape of every queue consumer: dispatch by job name to a typed handler, with the job's correlation id
 * on every log line, concurrency from config, and permanent errors turned into BullMQ's UnrecoverableError.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly handlers: JobHandlers<Q>;
  // A property, not a constructor parameter, so no processor has to pass it on. Optional: a test module may lack it.
  @Optional()
  @Inject(RedisClient)
  private readonly countersRedis?: RedisClient;

  constructor(protected readonly config: AppConfig) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY');
  }

  async process(job: Job): Promise<unknown> {
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
          throw err;
        }
      },
    );
  }

  /** Per-minute attempts for the dashboard's throughput chart; never holds up or fails the job. */
  private count(jobName: string, outcome: JobOutcome): void {
    if (!this.countersRedis) return;
    countJobAttempt(this.countersRedis, this.config.get('QUEUE_PREFIX'), jobName, outcome).catch((err: unknown) =>
      this.logger.debug({ err }, 'job counter not written'),
    );
  }

  /** True when BullMQ will not try this job again (the worker's `failed` event also fires before a retry). */
  protected async isFinalFailure(job: Job): Promise<boolean> {
    return (await job.getState()) === 'failed';
  }
}
