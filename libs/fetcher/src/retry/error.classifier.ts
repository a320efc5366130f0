import { setTimeout as sleep } from 'node:timers/promises';
import { FetchError, type FetchErrorCode } from '../fetch.error';
import { toFetchError } from '../fetch-error.mapper';
import { type BackoffOptions, backoffDelay } from './backoff.policy';

/** Whether and when to retry a failure. */
export interface ErrorClassification {
  retryable: boolean;
  /** The fetch error code, or `unknown` for anything the fetcher did not raise (treated as permanent). */
  code: FetchErrorCode | 'unknown';
  /** The server's or another worker's "not before": a floor for the next attempt. */
  retryAfterMs?: number;
}

/**
 * Classifies any thrown value as retryable or permanent. FetchErrors carry their own answer; raw socket/undici
 * errors are mapped first; anything else is a bug or a bad input and is permanent.
 */
export function classifyError(err: unknown): ErrorClassification {
  const mapped = toFetchError(err);
  if (mapped instanceof FetchError) {
    return { retryable: mapped.retryable, code: mapped.code, retryAfterMs: mapped.retryAfterMs };
  }
  return { retryable: false, code: 'unknown' };
}

/**
 * The delay before retry number `attempt` after `err`, or undefined when it should not be retried:
 * the larger of the backoff and the error's Retry-After.
 */
export function retryDelay(err: unknown, attempt: number, backoff: BackoffOptions = {}): number | undefined {
  const classification = classifyError(err);
  if (!classification.retryable) return undefined;
  return Math.max(backoffDelay(attempt, backoff), classification.retryAfterMs ?? 0);
}

/** Options for {@link withRetry}. */
export interface RetryOptions extends BackoffOptions {
  /** Total tries including the first. */
  attempts: number;
  signal?: AbortSignal;
  /** Called before each wait, e.g. to log. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `task` until it succeeds, fails permanently, or runs out of attempts; waits {@link retryDelay} in between.
 * For in-process retries (robots.txt, one-off fetches); queue jobs should use BullMQ's own attempts instead.
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (err) {
      const delay = attempt < options.attempts ? retryDelay(err, attempt, options) : undefined;
      if (delay === undefined) throw err;
      options.onRetry?.(err, attempt, delay);
      await sleep(delay, undefined, { signal: options.signal });
    }
  }
}
