import { FetchErrorCode } from './fetch.error';
import { closeTestFetchers, fetchErrorOf, testFetcher } from './testing/fetcher.testing';
import { type LoopbackServer, seenPath, startLoopbackServer } from './testing/loopback.server';
import { connectTestRedis, type TestRedis } from './testing/redis.testing';

describe('Fetcher politeness', () => {
  let server: LoopbackServer;
  let testRedis: TestRedis;
  let limitedUntil = 0;

  beforeAll(async () => {
    testRedis = connectTestRedis(process.env['REDIS_URL']);
    server = await startLoopbackServer(async (request, response) => {
      switch (request.url ?? '') {
        case '/slow':
          await new Promise((resolve) => setTimeout(resolve, 80));
          response.writeHead(200, { 'content-type': 'text/plain' }).end('slow');
          return;
        case '/429':
          response.writeHead(429, { 'retry-after': '1' }).end();
          return;
        case '/429-bare':
          response.writeHead(429).end();
          return;
        case '/503-date':
          response.writeHead(503, { 'retry-after': new Date(Date.now() + 3_000).toUTCString() }).end();
          return;
        case '/503':
          response.writeHead(503).end();
          return;
        case '/limited-once':
          if (Date.now() < limitedUntil) response.writeHead(429, { 'retry-after': '1' }).end();
          else response.writeHead(200, { 'content-type': 'text/plain' }).end('back');
          return;
        default:
          response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }
    });
  });
  afterAll(async () => {
    await closeTestFetchers();
    await server.close();
    await testRedis.cleanup();
  });

  it('keeps per-host concurrency within the limit (in-process limiter)', async () => {
    const fetcher = testFetcher({ perHostConcurrency: 2 });
    const before = server.seen.length;
    await Promise.all(Array.from({ length: 6 }, () => fetcher.fetch(`${server.origin}/slow`)));
    expect(server.seen.length - before).toBe(6);
    expect(server.maxInFlight()).toBe(2);
  });

  it('spaces request starts by the minimum interval', async () => {
    const fetcher = testFetcher({ perHostMinIntervalMs: 60, redis: testRedis.redis, keyPrefix: testRedis.keyPrefix });
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => fetcher.fetch(`${server.origin}/interval`)));
    // Four starts need three intervals.
    expect(Date.now() - started).toBeGreaterThanOrEqual(175);
  });

  it('applies a stricter politeness a request asks for (a source own settings), never a looser one', async () => {
    // A server of its own, so its high-water mark counts only these requests.
    const own = await startLoopbackServer(async (_, response) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response.writeHead(200, { 'content-type': 'text/plain' }).end('slow');
    });
    try {
      const fetcher = testFetcher({ perHostConcurrency: 4 });
      await Promise.all(Array.from({ length: 4 }, () => fetcher.fetch(`${own.origin}/slow`, { politeness: { concurrency: 1 } })));
      expect(own.maxInFlight()).toBe(1);
    } finally {
      await own.close();
    }

    const spaced = testFetcher({ perHostMinIntervalMs: 0, redis: testRedis.redis, keyPrefix: `${testRedis.keyPrefix}source:` });
    const started = Date.now();
    await Promise.all(Array.from({ length: 3 }, () => spaced.fetch(`${server.origin}/interval`, { politeness: { minIntervalMs: 100 } })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('respects 429 Retry-After: the host cools down for every worker sharing Redis', async () => {
    const options = { redis: testRedis.redis, keyPrefix: `${testRedis.keyPrefix}429:`, maxHostWaitMs: 100 };
    const workerA = testFetcher(options);
    const error = await fetchErrorOf(workerA.fetch(`${server.origin}/429`));
    expect(error).toMatchObject({ code: FetchErrorCode.RateLimited, statusCode: 429, retryAfterMs: 1000, retryable: true });

    // Another worker (own Redis connection) does not even ask the host during the cool-down.
    const otherRedis = connectTestRedis(process.env['REDIS_URL']);
    try {
      const workerB = testFetcher({ ...options, redis: otherRedis.redis });
      const requestsBefore = server.seen.length;
      const refused = await fetchErrorOf(workerB.fetch(`${server.origin}/anything`));
      expect(refused.code).toBe(FetchErrorCode.RateLimited);
      expect(refused.retryAfterMs).toBeGreaterThan(500);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(1000);
      expect(server.seen.length).toBe(requestsBefore);
    } finally {
      otherRedis.redis.disconnect();
    }
  });

  it('waits out a short cool-down when the wait budget allows', async () => {
    const fetcher = testFetcher({ maxHostWaitMs: 3000 });
    limitedUntil = Date.now() + 300;
    expect((await fetchErrorOf(fetcher.fetch(`${server.origin}/limited-once`))).code).toBe(FetchErrorCode.RateLimited);
    const started = Date.now();
    const result = await fetcher.fetch(`${server.origin}/limited-once`);
    expect(result.text).toBe('back');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('reads Retry-After as an HTTP date on 503, and uses a default on a bare 429', async () => {
    const dated = await fetchErrorOf(testFetcher({ maxHostWaitMs: 10 }).fetch(`${server.origin}/503-date`));
    expect(dated.code).toBe(FetchErrorCode.RateLimited);
    expect(dated.retryAfterMs).toBeGreaterThan(1000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(3000);
    const bare = await fetchErrorOf(testFetcher({ defaultRetryAfterMs: 4321 }).fetch(`${server.origin}/429-bare`));
    expect(bare.retryAfterMs).toBe(4321);
  });

  it('treats a 503 without Retry-After as a retryable status, with no cool-down', async () => {
    const fetcher = testFetcher({ maxHostWaitMs: 10 });
    const error = await fetchErrorOf(fetcher.fetch(`${server.origin}/503`));
    expect([error.code, error.retryable, error.retryAfterMs]).toEqual([FetchErrorCode.HttpStatus, true, undefined]);
    expect((await fetcher.fetch(`${server.origin}/fine`)).status).toBe('ok');
    expect(seenPath(server, '/fine')).toHaveLength(1);
  });

  it('caps a hostile Retry-After', async () => {
    const error = await fetchErrorOf(testFetcher({ maxRetryAfterMs: 500 }).fetch(`${server.origin}/429`));
    expect(error.retryAfterMs).toBe(500);
  });
});
