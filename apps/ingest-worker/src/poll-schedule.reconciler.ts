import { PollScheduler } from '@copydesk/pipeline';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * At boot, makes the poll schedulers in Redis match the sources table, so a Redis that lost its data (or a source
 * changed while no worker ran) polls as configured. Idempotent: every ingest worker may run it.
 */
@Injectable()
export class PollScheduleReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(PollScheduleReconciler.name);

  constructor(private readonly scheduler: PollScheduler) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.scheduler.reconcile();
    } catch (err) {
      // Polling resumes with the schedulers Redis still has; a failed reconcile must not keep articles from flowing.
      this.logger.error({ err }, 'could not reconcile poll schedules');
    }
  }
}
