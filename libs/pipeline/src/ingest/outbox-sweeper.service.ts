import { AppConfig } from '@copydesk/config';
import { JobName, jobId } from '@copydesk/contracts';
import { RawItemRepository } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { PeriodicSweep } from '@copydesk/runtime';
import { Injectable } from '@nestjs/common';

/** Raw items younger than this may still be on their way to the queue from the process that stored them. */
const GRACE_MS = 10_000;
const BATCH = 500;

/**
 * The outbox: queues raw items that were committed but never reached the queue (a crash or a Redis outage between
 * commit and enqueue). Any number of ingest workers may sweep at once: the job id is the raw item's, so a second
 * enqueue of the same item is a no-op.
 */
@Injectable()
export class OutboxSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly rawItems: RawItemRepository,
    private readonly queue: JobQueue,
    config: AppConfig,
  ) {
    super();
    this.intervalMs = config.get('OUTBOX_SWEEP_MS');
  }

  /** Queues every forgotten raw item; returns how many. */
  async sweep(): Promise<number> {
    const items = await this.rawItems.findUnqueued(new Date(Date.now() - GRACE_MS), BATCH);
    for (const item of items) {
      await this.queue.enqueue(
        JobName.ProcessRawItem,
        { rawItemId: item.id, articleId: item.articleId as string, correlationId: item.correlationId },
        { jobId: jobId('raw', item.id) },
      );
      await this.rawItems.markEnqueued(item.id);
    }
    if (items.length) this.logger.warn({ count: items.length }, 'queued raw items the outbox found unqueued');
    return items.length;
  }
}
