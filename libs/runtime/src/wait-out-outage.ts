import { isInfrastructureError } from './infrastructure-error';

export interface WaitOutOutageOptions {
  /** How long to keep trying before the last error is thrown. */
  readonly budgetMs: number;
  /** First pause between tries; it doubles up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told of each failed try that will be retried. */
  readonly onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `task`, trying again with backoff while it fails because PostgreSQL or Redis is unavailable (a server
 * restarting, a connection that could not be made in time on a loaded machine), for at most `budgetMs`. Any other
 * error, or the budget running out, is thrown as it is: a wrong address still fails start-up with its own message,
 * a minute later at worst.
 */
export async function waitOutOutage<T>(task: () => Promise<T>, options: WaitOutOutageOptions): Promise<T> {
  const deadline = Date.now() + options.budgetMs;
  let delay = options.initialDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (!isInfrastructureError(err) || Date.now() + delay > deadline) throw err;
      options.onRetry?.(err, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
}
