import { FetchError, FetchErrorCode } from '../fetch.error';
import { toFetchError } from '../fetch-error.mapper';
import { classifyError, retryDelay, withRetry } from './error.classifier';

const withCode = (code: string): Error => Object.assign(new Error(code), { code });

describe('classifyError', () => {
  it.each([
    [new FetchError(FetchErrorCode.Timeout, 't'), true, FetchErrorCode.Timeout],
    [new FetchError(FetchErrorCode.ConnectionFailed, 'c'), true, FetchErrorCode.ConnectionFailed],
    [new FetchError(FetchErrorCode.RobotsUnreachable, 'r'), true, FetchErrorCode.RobotsUnreachable],
    [new FetchError(FetchErrorCode.HttpStatus, '502', { statusCode: 502 }), true, FetchErrorCode.HttpStatus],
    [new FetchError(FetchErrorCode.HttpStatus, '408', { statusCode: 408 }), true, FetchErrorCode.HttpStatus],
    [new FetchError(FetchErrorCode.HttpStatus, '404', { statusCode: 404 }), false, FetchErrorCode.HttpStatus],
    [new FetchError(FetchErrorCode.HttpStatus, '410', { statusCode: 410 }), false, FetchErrorCode.HttpStatus],
    [new FetchError(FetchErrorCode.UrlRefused, 'u'), false, FetchErrorCode.UrlRefused],
    [new FetchError(FetchErrorCode.TooLarge, 'l'), false, FetchErrorCode.TooLarge],
    [new FetchError(FetchErrorCode.RobotsDisallowed, 'd'), false, FetchErrorCode.RobotsDisallowed],
    [withCode('ECONNRESET'), true, FetchErrorCode.ConnectionFailed],
    [withCode('EAI_AGAIN'), true, FetchErrorCode.ConnectionFailed],
    [withCode('UND_ERR_HEADERS_TIMEOUT'), true, FetchErrorCode.Timeout],
    [withCode('CERT_HAS_EXPIRED'), false, FetchErrorCode.TlsFailed],
    [withCode('HPE_INVALID_CONSTANT'), false, FetchErrorCode.BadResponse],
    [new TypeError('a bug'), false, 'unknown'],
    ['a string', false, 'unknown'],
  ])('%s → retryable %s (%s)', (err, retryable, code) => {
    expect(classifyError(err)).toMatchObject({ retryable, code });
  });

  it('carries the retry-after', () => {
    const err = new FetchError(FetchErrorCode.RateLimited, 'slow down', { retryAfterMs: 5000 });
    expect(classifyError(err)).toEqual({ retryable: true, code: FetchErrorCode.RateLimited, retryAfterMs: 5000 });
  });

  it('leaves unknown errors alone when mapping', () => {
    const bug = new RangeError('bug');
    expect(toFetchError(bug)).toBe(bug);
  });
});

describe('retryDelay', () => {
  it('is undefined for permanent failures', () => {
    expect(retryDelay(new FetchError(FetchErrorCode.UrlRefused, 'no'), 1)).toBeUndefined();
  });

  it('never comes back before the server asked', () => {
    const err = new FetchError(FetchErrorCode.RateLimited, 'wait', { retryAfterMs: 30_000 });
    expect(retryDelay(err, 1, { baseMs: 10, jitter: 'none' })).toBe(30_000);
    expect(retryDelay(new FetchError(FetchErrorCode.Timeout, 't'), 3, { baseMs: 10, jitter: 'none' })).toBe(40);
  });
});

describe('withRetry', () => {
  it('retries retryable failures and returns the first success', async () => {
    const seen: number[] = [];
    const result = await withRetry(
      (attempt) => {
        seen.push(attempt);
        if (attempt < 3) return Promise.reject(new FetchError(FetchErrorCode.ConnectionFailed, 'flaky'));
        return Promise.resolve('done');
      },
      { attempts: 5, baseMs: 1, jitter: 'none' },
    );
    expect(result).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops at once on a permanent failure and after the last attempt', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new FetchError(FetchErrorCode.HttpStatus, '404', { statusCode: 404 }));
        },
        { attempts: 5, baseMs: 1 },
      ),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(calls).toBe(1);

    calls = 0;
    const retries: number[] = [];
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new FetchError(FetchErrorCode.Timeout, 'slow'));
        },
        { attempts: 3, baseMs: 1, jitter: 'none', onRetry: (_err, attempt, delay) => retries.push(attempt * 1000 + delay) },
      ),
    ).rejects.toMatchObject({ code: FetchErrorCode.Timeout });
    expect(calls).toBe(3);
    expect(retries).toEqual([1001, 2002]);
  });
});
