/** How randomness spreads retries: full jitter (0..delay), equal jitter (delay/2..delay) or none. */
export type Jitter = 'full' | 'equal' | 'none';

/** Options for {@link backoffDelay}. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 1 s. */
  baseMs?: number;
  /** Ceiling for any delay. Default 1 h. */
  maxMs?: number;
  /** Default `full`: the AWS "exponential backoff and jitter" result that spreads a thundering herd best. */
  jitter?: Jitter;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * Exponential backoff with jitter: the delay before retry number `attempt` (1 for the first retry).
 * `min(maxMs, baseMs * factor^(attempt-1))`, then jittered.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 3_600_000;
  const factor = options.factor ?? 2;
  const random = options.random ?? Math.random;
  const step = Math.max(1, Math.floor(attempt));
  // Cap the exponent first: factor^1000 is Infinity and Infinity * 0 jitter is NaN.
  const exponential = Math.min(maxMs, baseMs * Math.pow(factor, Math.min(step - 1, 64)));
  switch (options.jitter ?? 'full') {
    case 'full':
      return Math.floor(random() * exponential);
    case 'equal':
      return Math.floor(exponential / 2 + (random() * exponential) / 2);
    case 'none':
      return Math.floor(exponential);
  }
}
