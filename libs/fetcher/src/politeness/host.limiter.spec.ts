import { FetchError, FetchErrorCode } from '../fetch.error';
import { connectTestRedis, type TestRedis } from '../testing/redis.testing';
import type { AcquireOptions, HostLimiter } from './host.limiter';
import { MemoryHostLimiter } from './memory-host.limiter';
import { RedisHostLimiter } from './redis-host.limiter';

const base: AcquireOptions = { concurrency: 1, minIntervalMs: 0, leaseMs: 5_000, maxWaitMs: 1_000, pollMs: 5 };

let testRedis: TestRedis;
beforeAll(() => {
  testRedis = connectTestRedis(process.env['REDIS_URL']);
});
afterAll(async () => {
  await testRedis.cleanup();
});

describe.each([
  ['MemoryHostLimiter', (): HostLimiter => new MemoryHostLimiter()],
  ['RedisHostLimiter', (): HostLimiter => new RedisHostLimiter(testRedis.redis, `${testRedis.keyPrefix}${Math.random()}:`)],
])('%s', (_name, create) => {
  it('hands out at most `concurrency` leases and gives a slot back on release', async () => {
    const limiter = create();
    const first = await limiter.acquire('news.example', { ...base, concurrency: 2 });
    await limiter.acquire('news.example', { ...base, concurrency: 2 });
    const third = limiter.acquire('news.example', { ...base, concurrency: 2 });
    let granted = false;
    void third.then(() => (granted = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(granted).toBe(false);
    await first.release();
    await third;
    expect(granted).toBe(true);
  });

  it('keeps hosts apart', async () => {
    const limiter = create();
    await limiter.acquire('a.example', base);
    const started = Date.now();
    await limiter.acquire('b.example', base);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('frees a lease that was never released once it expires (a crashed worker)', async () => {
    const limiter = create();
    await limiter.acquire('crash.example', { ...base, leaseMs: 100 });
    const started = Date.now();
    await limiter.acquire('crash.example', { ...base, leaseMs: 100 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
  });

  it('fails with rate-limited when no slot frees up within maxWaitMs', async () => {
    const limiter = create();
    await limiter.acquire('busy.example', base);
    const error = await limiter.acquire('busy.example', { ...base, maxWaitMs: 60 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe(FetchErrorCode.RateLimited);
  });

  it('spaces starts by minIntervalMs', async () => {
    const limiter = create();
    const options = { ...base, concurrency: 5, minIntervalMs: 50 };
    const started = Date.now();
    for (let i = 0; i < 3; i++) await (await limiter.acquire('pace.example', options)).release();
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('keeps the later of two cool-downs and refuses at once when it outlasts the wait budget', async () => {
    const limiter = create();
    await limiter.coolDown('cool.example', 2_000);
    await limiter.coolDown('cool.example', 100);
    expect(await limiter.coolDownRemaining('cool.example')).toBeGreaterThan(1_500);
    const started = Date.now();
    const error = (await limiter.acquire('cool.example', base).catch((err: unknown) => err)) as FetchError;
    expect(error.code).toBe(FetchErrorCode.RateLimited);
    expect(error.retryAfterMs).toBeGreaterThan(1_500);
    expect(Date.now() - started).toBeLessThan(100);
    expect(await limiter.coolDownRemaining('quiet.example')).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const limiter = create();
    await limiter.acquire('abort.example', base);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 30);
    const error = await limiter.acquire('abort.example', { ...base, signal: controller.signal }).catch((err: unknown) => err);
    expect((error as FetchError).code).toBe(FetchErrorCode.Aborted);
    expect((error as FetchError).cause).toEqual(new Error('stop'));
  });
});

describe('RedisHostLimiter', () => {
  it('writes only keys under its prefix, with expiries', async () => {
    const prefix = `${testRedis.keyPrefix}keys:`;
    const limiter = new RedisHostLimiter(testRedis.redis, prefix);
    await limiter.acquire('keys.example', { ...base, minIntervalMs: 1_000 });
    await limiter.coolDown('keys.example', 1_000);
    const keys = (await testRedis.redis.keys(`${prefix}*`)).sort();
    expect(keys).toEqual([
      `${prefix}fetcher:host:{keys.example}:cool`,
      `${prefix}fetcher:host:{keys.example}:leases`,
      `${prefix}fetcher:host:{keys.example}:next`,
    ]);
    for (const key of keys) expect(await testRedis.redis.pttl(key)).toBeGreaterThan(0);
  });
});
