import { setTimeout as sleep } from 'node:timers/promises';
import { FetchError, FetchErrorCode } from '../fetch.error';

/** A held slot for one request to one host; release it when the response body is read or abandoned. */
export interface HostLease {
  release(): Promise<void>;
}

/** What a single request needs from the host's budget. */
export interface AcquireOptions {
  /** Requests in flight to the host at once, across every process sharing the limiter. */
  concurrency: number;
  /** Minimum time between two request starts to the host (robots Crawl-delay may raise it). */
  minIntervalMs: number;
  /** A lease not released within this time is freed anyway (a crashed worker cannot hold a slot forever). */
  leaseMs: number;
  /** How long to wait for a slot before giving up with `rate-limited`. */
  maxWaitMs: number;
  /** How often to look again while the host is busy. */
  pollMs: number;
  signal?: AbortSignal;
}

/** One answer from a limiter's atomic "try to take a slot" step. */
export type SlotAnswer = { granted: true } | { granted: false; reason: 'busy' | 'interval' | 'cool-down'; waitMs: number };

/**
 * Per-host politeness: a concurrency semaphore with lease expiry, a minimum interval between request starts, and
 * a cool-down (from Retry-After) that every process respects. Implemented in Redis for many workers and in memory
 * for one process.
 */
export interface HostLimiter {
  acquire(host: string, options: AcquireOptions): Promise<HostLease>;
  /** No request to this host starts for `durationMs` (keeps the later of an existing and the new cool-down). */
  coolDown(host: string, durationMs: number): Promise<void>;
  /** Milliseconds of cool-down left for the host (0 when none). */
  coolDownRemaining(host: string): Promise<number>;
}

/**
 * The waiting loop both limiters share: ask, and if refused wait the hinted time (polling while busy) until the
 * budget is spent. A cool-down longer than the remaining budget fails at once with its retry-after, so a worker is
 * not parked on a host that asked to be left alone.
 */
export async function waitForSlot(host: string, tryAcquire: () => Promise<SlotAnswer>, options: AcquireOptions): Promise<void> {
  const deadline = Date.now() + options.maxWaitMs;
  for (;;) {
    throwIfAborted(options.signal, host);
    const answer = await tryAcquire();
    if (answer.granted) return;
    const remaining = deadline - Date.now();
    if (answer.reason === 'cool-down' && answer.waitMs > remaining) {
      throw new FetchError(FetchErrorCode.RateLimited, `host ${host} asked for a pause`, { retryAfterMs: answer.waitMs });
    }
    if (remaining <= 0) {
      throw new FetchError(FetchErrorCode.RateLimited, `no free slot for host ${host} within ${options.maxWaitMs} ms`, {
        retryAfterMs: Math.max(answer.waitMs, options.pollMs),
      });
    }
    const hinted = answer.reason === 'busy' ? Math.min(answer.waitMs, options.pollMs) : answer.waitMs;
    try {
      await sleep(Math.max(1, Math.min(hinted, remaining)), undefined, { signal: options.signal });
    } catch (err) {
      throwIfAborted(options.signal, host);
      throw err;
    }
  }
}

function throwIfAborted(signal: AbortSignal | undefined, host: string): void {
  if (signal?.aborted) {
    throw new FetchError(FetchErrorCode.Aborted, `aborted while waiting for host ${host}`, { cause: signal.reason });
  }
}
