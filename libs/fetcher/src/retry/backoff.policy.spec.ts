import { backoffDelay } from './backoff.policy';

describe('backoffDelay', () => {
  it('grows exponentially and stops at maxMs', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, { baseMs: 100, maxMs: 1000, jitter: 'none' }));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('applies full jitter between 0 and the exponential delay', () => {
    expect(backoffDelay(3, { baseMs: 100, jitter: 'full', random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, jitter: 'full', random: () => 0.5 })).toBe(200);
    expect(backoffDelay(3, { baseMs: 100, jitter: 'full', random: () => 0.999 })).toBe(399);
  });

  it('applies equal jitter between half and all of the delay', () => {
    expect(backoffDelay(3, { baseMs: 100, jitter: 'equal', random: () => 0 })).toBe(200);
    expect(backoffDelay(3, { baseMs: 100, jitter: 'equal', random: () => 0.999 })).toBe(399);
  });

  it('spreads delays by default', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeLessThan(16_000);
  });

  it('stays finite for absurd attempts and treats attempts below 1 as the first', () => {
    expect(backoffDelay(10_000, { baseMs: 1000, maxMs: 60_000, jitter: 'none' })).toBe(60_000);
    expect(backoffDelay(0, { baseMs: 500, jitter: 'none' })).toBe(500);
    expect(backoffDelay(-3, { baseMs: 500, jitter: 'none' })).toBe(500);
  });
});
