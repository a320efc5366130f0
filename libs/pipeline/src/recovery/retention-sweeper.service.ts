import { AppConfig } from '@copydesk/config';
import { RetentionRepository } from '@copydesk/database';
import { PeriodicSweep } from '@copydesk/runtime';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

const BATCH = 1_000;
/** One sweep stops after this long and goes on at the next: a backlog (a first run on old data) is eaten in slices. */
const SWEEP_BUDGET_MS = 60_000;
/** Between batches, so the pipeline's own writes interleave with a long purge. */
const PAUSE_MS = 50;

/**
 * Retention: deletes raw items older than RETENTION_RAW_ITEMS_DAYS and delivery attempts older than
 * RETENTION_DELIVERY_ATTEMPTS_DAYS (0 keeps them), every RETENTION_SWEEP_MS, in batches of a thousand rows.
 * Runs in every ingest worker; concurrent sweeps skip each other's rows.
 */
@Injectable()
export class RetentionSweeper extends PeriodicSweep {
  protected readonly intervalMs: number;

  constructor(
    private readonly retention: RetentionRepository,
    private readonly config: AppConfig,
  ) {
    super();
    this.intervalMs = config.get('RETENTION_SWEEP_MS');
  }

  async sweep(): Promise<number> {
    const deadline = Date.now() + SWEEP_BUDGET_MS;
    const rawItems = await this.purge(this.config.get('RETENTION_RAW_ITEMS_DAYS'), deadline, (days) =>
      this.retention.purgeRawItems(days, BATCH),
    );
    const attempts = await this.purge(this.config.get('RETENTION_DELIVERY_ATTEMPTS_DAYS'), deadline, (days) =>
      this.retention.purgeDeliveryAttempts(days, BATCH),
    );
    if (rawItems + attempts > 0) this.logger.log({ rawItems, deliveryAttempts: attempts }, 'retention: old rows deleted');
    return rawItems + attempts;
  }

  private async purge(days: number, deadline: number, batch: (days: number) => Promise<number>): Promise<number> {
    if (days <= 0) return 0;
    let total = 0;
    while (Date.now() < deadline) {
      const deleted = await batch(days);
      total += deleted;
      if (deleted < BATCH) break;
      await sleep(PAUSE_MS);
    }
    return total;
  }
}
