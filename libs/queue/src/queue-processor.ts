import type { AppConfig } from '@copydesk/config';
import { type JobPayload, type JobsOn, QUEUE_CONCURRENCY_FACTOR, type QueueName } from '@copydesk/contracts';
import { withLogContext } from '@copydesk/logging';
import { WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';

/** One handler per job the queue carries: the compiler refuses a missing or extra one. */
export type JobHandlers<Q extends QueueName> = { [N in JobsOn<Q>]: (data: JobPayload<N>, job: Job<JobPayload<N>>) => Promise<unknown> };

/** A failure retrying cannot fix (a malformed payload, a row that no longer exists): fail the job at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * The shared shape of every queue consumer: dispatch by job name to a typed handler, with the job's correlation id
 * on every log line, concurrency from config (WORKER_CONCURRENCY times the queue's factor in the contracts), and
 * permanent errors turned into BullMQ's UnrecoverableError.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);
  protected abstract readonly handlers: JobHandlers<Q>;

  constructor(protected readonly config: AppConfig) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY') * (QUEUE_CONCURRENCY_FACTOR[this.worker.name as QueueName] ?? 1);
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, ((data: unknown, job: Job) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on this queue`);
    const data = job.data as { correlationId?: string; articleId?: string; deliveryId?: string };
    return withLogContext(
      { correlationId: data.correlationId, jobId: job.id, job: job.name, articleId: data.articleId, deliveryId: data.deliveryId },
      async () => {
        try {
          return await handler(job.data, job);
        } catch (err) {
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
    );
  }

  /** True when BullMQ will not try this job again (the worker's `failed` event also fires before a retry). */
  protected async isFinalFailure(job: Job): Promise<boolean> {
    return (await job.getState()) === 'failed';
  }
}
