import { QueueName } from '@copydesk/contracts';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';

const QUEUE_NAMES = new Set<string>(Object.values(QueueName));

/**
 * What an operator may do to a queue from the dashboard. Pausing is global (every worker of the queue stops taking
 * jobs; jobs in flight finish) and survives restarts until resumed. Retrying puts failed jobs back to wait: pipeline
 * jobs are idempotent (deterministic ids, upserts), so a retry redoes nothing that already took effect.
 */
@Injectable()
export class QueueControl {
  private readonly logger = new Logger(QueueControl.name);

  constructor(private readonly jobs: JobQueue) {}

  /** The queue by its wire name, or a 404. */
  static parseName(name: string): QueueName {
    if (!QUEUE_NAMES.has(name))
      throw new CopydeskException(ErrorCode.NotFound, `There is no queue "${name}"; the queues are ${[...QUEUE_NAMES].join(', ')}.`);
    return name as QueueName;
  }

  async pause(name: QueueName): Promise<{ queue: QueueName; paused: boolean }> {
    await this.jobs.queue(name).pause();
    this.logger.warn({ queue: name }, 'queue paused from the admin dashboard');
    return { queue: name, paused: true };
  }

  async resume(name: QueueName): Promise<{ queue: QueueName; paused: boolean }> {
    await this.jobs.queue(name).resume();
    this.logger.warn({ queue: name }, 'queue resumed from the admin dashboard');
    return { queue: name, paused: false };
  }

  /** Moves every failed job of the queue back to wait; answers how many there were. */
  async retryFailed(name: QueueName): Promise<{ queue: QueueName; retried: number }> {
    const queue = this.jobs.queue(name);
    const retried = await queue.getFailedCount();
    // retryJobs works through the failed set in batches of `count` until it is empty.
    await queue.retryJobs({ state: 'failed', count: 1_000 });
    this.logger.warn({ queue: name, retried }, 'failed jobs retried from the admin dashboard');
    return { queue: name, retried };
  }
}
