import { AppConfig } from '@copydesk/config';
import { DeliveryDispatchRepository } from '@copydesk/database';
import { PeriodicSweep } from '@copydesk/runtime';
import { Injectable } from '@nestjs/common';
import { subscriberInFlightCap } from './delivery-limits';
import { DeliveryScheduler } from './delivery-scheduler.service';

const BATCH = 500;

/**
 * The delivery outbox: queues pending deliveries that should be moving and are not (a crash between a commit and
 * its enqueue, a lost wake-up, a flushed Redis). Runs in every publish worker; duplicates it may queue are harmless
 * because the runner claims a delivery for one attempt at a time and never sends one before it is due.
 */
@Injectable()
export class DeliverySweeper extends PeriodicSweep {
  protected readonly intervalMs: number;
  /** A pending delivery this long overdue, untouched, has lost its job or its wake-up (RECONCILE_STUCK_AFTER_MS). */
  private readonly graceSeconds: number;

  constructor(
    private readonly deliveries: DeliveryDispatchRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly config: AppConfig,
  ) {
    super();
    this.intervalMs = config.get('OUTBOX_SWEEP_MS');
    this.graceSeconds = config.get('RECONCILE_STUCK_AFTER_MS') / 1000;
  }

  /** Queues every stranded delivery; returns how many. */
  async sweep(): Promise<number> {
    const stranded = await this.deliveries.findStranded(this.graceSeconds, subscriberInFlightCap(this.config), BATCH);
    await this.scheduler.enqueueAll(stranded, 'sweep');
    if (stranded.length) this.logger.warn({ count: stranded.length }, 'queued deliveries the sweeper found stranded');
    return stranded.length;
  }
}
