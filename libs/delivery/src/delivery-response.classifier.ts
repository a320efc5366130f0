import { parseRetryAfter } from '@copydesk/http';

/** How an attempt failed when no HTTP status came back. */
export type DeliveryTransportError =
  /** No response within {@link DELIVERY_TIMEOUT_MS}. */
  | 'timeout'
  /** Refused, reset or closed before a response. */
  | 'connection'
  /** The host name did not resolve (often transient). */
  | 'dns'
  /** Handshake or certificate failure: retried, because certificates get renewed. */
  | 'tls'
  /** The SSRF guard refused the address the URL resolves to: retrying cannot help. */
  | 'blocked-address';

/** What the publish worker does next with a delivery. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'disable-subscription';

/** One finished attempt, as the worker saw it. */
export interface DeliveryAttemptResult {
  /** HTTP status, when a response arrived; takes precedence over `error`. */
  statusCode?: number;
  error?: DeliveryTransportError;
  /** The raw `Retry-After` response header. */
  retryAfter?: string;
  /** 1-based number of the attempt that just finished (the first, immediate attempt is 1). */
  attempt: number;
  /** Delays before retry 1, 2, ... in ms (see `parseRetrySchedule`). */
  schedule: readonly number[];
  now: Date;
  /** Random source in [0, 1) for jitter; injectable for tests. Default `Math.random`. */
  random?: () => number;
}

/** The decision for one attempt. */
export interface DeliveryDecision {
  outcome: DeliveryOutcome;
  /** Set when `outcome` is `retry`. */
  nextAttemptDelayMs?: number;
  /** Human-readable, stored with the attempt and shown to the subscriber. */
  reason: string;
}

/** Request timeout per attempt; the Standard Webhooks spec suggests 15 to 30 s. */
export const DELIVERY_TIMEOUT_MS = 15_000;
/** Response bodies are read up to this many bytes, for display only. */
export const RESPONSE_BODY_CAP_BYTES = 4_096;
/** Each delay is spread uniformly over ±20 %, so a subscriber that failed many deliveries at once is not hit by all retries at once. */
export const RETRY_JITTER_RATIO = 0.2;
/** A longer `Retry-After` is capped: a subscriber cannot park deliveries for days. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

type Verdict = { kind: 'delivered' | 'disable' | 'fail-now' | 'retryable'; reason: string };

/**
 * Decides what follows a delivery attempt:
 * - 2xx: delivered.
 * - 410 Gone: disable the subscription (the subscriber said it wants no more).
 * - 408, 429, 5xx, other unexpected statuses, timeouts, connection, DNS and TLS errors: retry after the next
 *   delay of `schedule` with ±20 % jitter, or at least as long as `Retry-After` asks (capped at 24 h); failed once
 *   the schedule is used up.
 * - 3xx (redirects are not followed: the subscription URL should be updated), other 4xx, a blocked address:
 *   failed at once.
 * @throws RangeError when neither a status nor an error is given, or `attempt` is not a positive integer.
 */
export function classifyDeliveryResponse(result: DeliveryAttemptResult): DeliveryDecision {
  if (!Number.isInteger(result.attempt) || result.attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, got ${result.attempt}`);
  }
  const verdict = judge(result);
  switch (verdict.kind) {
    case 'delivered':
      return { outcome: 'delivered', reason: verdict.reason };
    case 'disable':
      return { outcome: 'disable-subscription', reason: verdict.reason };
    case 'fail-now':
      return { outcome: 'failed', reason: verdict.reason };
    case 'retryable':
      return scheduleRetry(result, verdict.reason);
  }
}

function judge({ statusCode, error }: DeliveryAttemptResult): Verdict {
  if (statusCode !== undefined) {
    if (statusCode >= 200 && statusCode <= 299) return { kind: 'delivered', reason: `HTTP ${statusCode}` };
    if (statusCode === 410) return { kind: 'disable', reason: 'HTTP 410 Gone: the subscriber asked to stop deliveries' };
    if (statusCode >= 300 && statusCode <= 399) {
      return {
        kind: 'fail-now',
        reason: `HTTP ${statusCode}: redirects are not followed; update the subscription URL`,
      };
    }
    if (statusCode === 408 || statusCode === 429) return { kind: 'retryable', reason: `HTTP ${statusCode}` };
    if (statusCode >= 400 && statusCode <= 499) {
      return { kind: 'fail-now', reason: `HTTP ${statusCode}: the subscriber rejected the delivery` };
    }
    // 5xx, and 1xx or out-of-range codes a broken server may send: the next attempt may well succeed.
    return { kind: 'retryable', reason: `HTTP ${statusCode}` };
  }
  switch (error) {
    case undefined:
      throw new RangeError('a delivery attempt has either a statusCode or an error');
    case 'blocked-address':
      return { kind: 'fail-now', reason: 'the subscription URL resolves to a blocked address' };
    case 'timeout':
      return { kind: 'retryable', reason: `no response within ${DELIVERY_TIMEOUT_MS / 1000} s` };
    case 'connection':
    case 'dns':
    case 'tls':
      return { kind: 'retryable', reason: `${error} error` };
  }
}

function scheduleRetry(result: DeliveryAttemptResult, reason: string): DeliveryDecision {
  const scheduled = result.schedule[result.attempt - 1];
  if (scheduled === undefined) {
    return { outcome: 'failed', reason: `${reason}; gave up after ${result.attempt} attempts` };
  }
  const random = result.random ?? Math.random;
  const jittered = Math.round(scheduled * (1 + RETRY_JITTER_RATIO * (2 * random() - 1)));
  const retryAfter = Math.min(parseRetryAfter(result.retryAfter, result.now) ?? 0, MAX_RETRY_AFTER_MS);
  if (retryAfter > jittered) {
    return { outcome: 'retry', nextAttemptDelayMs: retryAfter, reason: `${reason}; Retry-After honoured` };
  }
  return { outcome: 'retry', nextAttemptDelayMs: jittered, reason };
}
