import { JobName, jobId } from '@copydesk/contracts';
import type { DeliveryRef } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';

/**
 * Why a deliver job is queued. `route` and `retry` jobs have deterministic ids (a re-run route job or settle adds
 * nothing); every other reason is a distinct event and gets a distinct id. Duplicate jobs for one delivery are
 * harmless: the runner claims a delivery for one attempt at a time and never sends before it is due.
 */
export type DeliveryJobReason = 'route' | 'retry' | 'wake' | 'embargo' | 'replay' | 'resume' | 'sweep';

// Bulk enqueues (a resume, a replay of thousands) go in slices so one call never holds thousands of promises.
const SLICE = 200;

/** Puts deliver jobs on the publish queue. */
@Injectable()
export class DeliveryScheduler {
  constructor(private readonly queue: JobQueue) {}

  /** One job for `delivery`, run at `at` (now when absent or past). */
  async enqueue(
    delivery: DeliveryRef,
    reason: DeliveryJobReason,
    options: { at?: Date | null; correlationId?: string } = {},
  ): Promise<void> {
    const delay = options.at ? Math.max(0, options.at.getTime() - Date.now()) : 0;
    await this.queue.enqueue(
      JobName.Deliver,
      {
        deliveryId: delivery.id,
        articleId: delivery.articleId,
        correlationId: options.correlationId ?? delivery.correlationId ?? delivery.id,
      },
      // A woken delivery is ready now: it goes ahead of jobs not yet looked at (a backlog after a resume or a bulk
      // replay), or a subscriber's free slot would idle until the whole backlog had been parked.
      { jobId: this.jobIdFor(delivery, reason, options.at), delay, ...(reason === 'wake' ? { lifo: true } : {}) },
    );
  }

  /** Jobs for many deliveries, in the given order (the order they were created, for replays and resumes). */
  async enqueueAll(deliveries: readonly DeliveryRef[], reason: DeliveryJobReason, correlationId?: string): Promise<void> {
    for (let start = 0; start < deliveries.length; start += SLICE) {
      await Promise.all(deliveries.slice(start, start + SLICE).map((delivery) => this.enqueue(delivery, reason, { correlationId })));
    }
  }

  private jobIdFor(delivery: DeliveryRef, reason: DeliveryJobReason, at: Date | null | undefined): string {
    switch (reason) {
      case 'route':
        return jobId('deliver', delivery.id, 0);
      case 'retry':
        return jobId('deliver', delivery.id, delivery.attempts);
      case 'embargo':
        // One job per embargo time, however many early jobs notice the embargo.
        return jobId('deliver', delivery.id, delivery.attempts, reason, at?.getTime() ?? 0);
      case 'wake':
      case 'replay':
      case 'resume':
      case 'sweep':
        return jobId('deliver', delivery.id, delivery.attempts, reason, Date.now(), Math.random().toString(36).slice(2, 8));
    }
  }
}
