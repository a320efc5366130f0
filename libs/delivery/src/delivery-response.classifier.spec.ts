import {
  classifyDeliveryResponse,
  MAX_RETRY_AFTER_MS,
  type DeliveryAttemptResult,
  type DeliveryTransportError,
} from './delivery-response.classifier';
import { DEFAULT_RETRY_SCHEDULE } from './retry-schedule.parser';

const now = new Date('2026-01-01T00:00:00.000Z');
const base: DeliveryAttemptResult = { attempt: 1, schedule: DEFAULT_RETRY_SCHEDULE, now, random: () => 0.5 };
const classify = (overrides: Partial<DeliveryAttemptResult>) => classifyDeliveryResponse({ ...base, ...overrides });

describe('classifyDeliveryResponse', () => {
  it.each([200, 201, 202, 204, 299])('treats %i as delivered', (statusCode) => {
    expect(classify({ statusCode })).toEqual({ outcome: 'delivered', reason: `HTTP ${statusCode}` });
  });

  it('disables the subscription on 410 Gone, whatever the attempt', () => {
    expect(classify({ statusCode: 410 }).outcome).toBe('disable-subscription');
    expect(classify({ statusCode: 410, attempt: 8 }).outcome).toBe('disable-subscription');
  });

  it.each([400, 401, 403, 404, 405, 413, 422, 301, 302, 307, 308])('fails %i at once, without a retry', (statusCode) => {
    const decision = classify({ statusCode, retryAfter: '10' });
    expect(decision.outcome).toBe('failed');
    expect(decision.nextAttemptDelayMs).toBeUndefined();
  });

  it.each([408, 429, 500, 502, 503, 504, 599, 100, 600])('retries %i', (statusCode) => {
    expect(classify({ statusCode })).toMatchObject({ outcome: 'retry', nextAttemptDelayMs: 5_000 });
  });

  it.each<DeliveryTransportError>(['timeout', 'connection', 'dns', 'tls'])('retries a %s error', (error) => {
    expect(classify({ error }).outcome).toBe('retry');
  });

  it('fails at once when the SSRF guard blocked the address', () => {
    expect(classify({ error: 'blocked-address' }).outcome).toBe('failed');
  });

  it('lets a status win over a transport error reported with it', () => {
    expect(classify({ statusCode: 204, error: 'timeout' }).outcome).toBe('delivered');
  });

  it('follows the schedule: attempt n waits schedule[n-1], and fails after the last delay', () => {
    const delays = DEFAULT_RETRY_SCHEDULE.map((_, i) => classify({ statusCode: 503, attempt: i + 1 }).nextAttemptDelayMs);
    expect(delays).toEqual([...DEFAULT_RETRY_SCHEDULE]);
    const last = classify({ statusCode: 503, attempt: DEFAULT_RETRY_SCHEDULE.length + 1 });
    expect(last.outcome).toBe('failed');
    expect(last.reason).toMatch(/gave up after 8 attempts/);
  });

  it('jitters by up to ±20 %', () => {
    expect(classify({ error: 'timeout', attempt: 2, random: () => 0 }).nextAttemptDelayMs).toBe(240_000);
    expect(classify({ error: 'timeout', attempt: 2, random: () => 0.999_999 }).nextAttemptDelayMs).toBeCloseTo(360_000, -1);
    const spread = new Set(Array.from({ length: 50 }, () => classify({ statusCode: 500, random: Math.random }).nextAttemptDelayMs));
    expect(spread.size).toBeGreaterThan(1);
    for (const delay of spread) {
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(6_000);
    }
  });

  it('waits for Retry-After (seconds or HTTP date) when it is longer than the scheduled delay', () => {
    expect(classify({ statusCode: 429, retryAfter: '120' })).toMatchObject({
      outcome: 'retry',
      nextAttemptDelayMs: 120_000,
      reason: 'HTTP 429; Retry-After honoured',
    });
    expect(classify({ statusCode: 503, retryAfter: 'Thu, 01 Jan 2026 00:10:00 GMT' }).nextAttemptDelayMs).toBe(600_000);
  });

  it('keeps the scheduled delay when Retry-After is shorter or unparseable', () => {
    expect(classify({ statusCode: 429, retryAfter: '1', attempt: 2 }).nextAttemptDelayMs).toBe(300_000);
    expect(classify({ statusCode: 429, retryAfter: 'later' }).nextAttemptDelayMs).toBe(5_000);
  });

  it('caps Retry-After at 24 h', () => {
    expect(classify({ statusCode: 503, retryAfter: String(7 * 24 * 3600) }).nextAttemptDelayMs).toBe(MAX_RETRY_AFTER_MS);
  });

  it('does not retry past the schedule even when Retry-After is given', () => {
    expect(classify({ statusCode: 429, retryAfter: '5', attempt: 8 }).outcome).toBe('failed');
  });

  it('refuses an attempt without a status or error, or with a bad attempt number', () => {
    expect(() => classify({})).toThrow(RangeError);
    expect(() => classify({ statusCode: 200, attempt: 0 })).toThrow(RangeError);
  });
});
