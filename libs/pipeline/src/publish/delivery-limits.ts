import type { AppConfig } from '@copydesk/config';
import { QUEUE_CONCURRENCY_FACTOR, QueueName } from '@copydesk/contracts';

/**
 * Deliver jobs mostly wait on subscribers' sockets, not on the CPU, so a publish worker runs this many times more
 * jobs at once than WORKER_CONCURRENCY (64 with the default 4).
 */
export const DELIVERY_CONCURRENCY_FACTOR = QUEUE_CONCURRENCY_FACTOR[QueueName.Publish];

/** Jobs one publish worker process runs at once. */
export function deliveryConcurrency(config: AppConfig): number {
  return config.get('WORKER_CONCURRENCY') * DELIVERY_CONCURRENCY_FACTOR;
}

/**
 * Attempts one subscription may have in flight, across all publish workers: a quarter of a worker's slots (16 with
 * the defaults). A subscriber that answers slowly, or not at all until the timeout, then holds at most that many
 * slots and the others keep flowing; its backlog waits in PostgreSQL, not in the workers.
 */
export function subscriberInFlightCap(config: AppConfig): number {
  return Math.max(1, Math.floor(deliveryConcurrency(config) / 4));
}

/**
 * How long a claimed attempt may stay in flight before another worker may take the delivery over (its worker
 * died): the request timeout plus room for recording the result.
 */
export function deliveryLeaseMs(config: AppConfig): number {
  return config.get('DELIVERY_TIMEOUT_MS') + 30_000;
}
