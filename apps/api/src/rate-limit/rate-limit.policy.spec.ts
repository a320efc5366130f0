import { ApiScope } from '@copydesk/contracts';
import { parseRateLimit, parseScopeLimits, policyHeader } from './rate-limit.policy';

describe('rate limit settings', () => {
  it('reads count/window', () => {
    expect(parseRateLimit('600/1m')).toEqual({ capacity: 600, windowSeconds: 60 });
    expect(parseRateLimit(' 30 / m ')).toEqual({ capacity: 30, windowSeconds: 60 });
    expect(parseRateLimit('5/10s')).toEqual({ capacity: 5, windowSeconds: 10 });
    expect(parseRateLimit('1000/2h')).toEqual({ capacity: 1000, windowSeconds: 7200 });
    expect(() => parseRateLimit('0/1m')).toThrow();
    expect(() => parseRateLimit('ten/1m')).toThrow();
  });

  it('reads per-scope limits over defaults', () => {
    const defaults = {
      [ApiScope.Ingest]: { capacity: 1, windowSeconds: 1 },
      [ApiScope.Read]: { capacity: 2, windowSeconds: 1 },
      [ApiScope.Manage]: { capacity: 3, windowSeconds: 1 },
      [ApiScope.Admin]: { capacity: 4, windowSeconds: 1 },
    };
    const limits = parseScopeLimits('read=100/1m, admin=5/1s', defaults);
    expect(limits.read).toEqual({ capacity: 100, windowSeconds: 60 });
    expect(limits.admin).toEqual({ capacity: 5, windowSeconds: 1 });
    expect(limits.ingest).toEqual({ capacity: 1, windowSeconds: 1 });
    expect(() => parseScopeLimits('write=1/1m', defaults)).toThrow(/unknown scope/);
    expect(policyHeader(limits.read)).toBe('100;w=60');
  });
});
