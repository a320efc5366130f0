import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  const now = new Date('2026-10-21T07:28:00.000Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now (a Date or epoch milliseconds), and a past date as 0', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:30:30 GMT', now)).toBe(150_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:30:30 GMT', now.getTime())).toBe(150_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  it.each([undefined, '', '-5', '1.5', 'soon', '2026-10-21T07:30:00Z', 'Wed, 99 Foo 2026 07:30:30 GMT'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
