import { FetchErrorCode } from '../fetch.error';
import { closeTestFetchers, fetchErrorOf, testFetcher } from '../testing/fetcher.testing';
import { type LoopbackServer, seenPath, startLoopbackServer } from '../testing/loopback.server';
import { connectTestRedis, type TestRedis } from '../testing/redis.testing';
import { productTokenOf } from './robots.policy';

const RULES = [
  'User-agent: *',
  'Disallow: /',
  '',
  'User-agent: SomeOtherBot',
  'User-agent: copydesktest',
  'Disallow: /private',
  'Allow: /private/open',
  'Disallow: /*.pdf$',
  'Crawl-delay: 0.2',
].join('\n');

function robotsServer(answer: (path: string) => { status: number; body?: string; headers?: Record<string, string> }) {
  return startLoopbackServer((request, response) => {
    const { status, body, headers } = answer(request.url ?? '/');
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body ?? '');
  });
}

describe('robots.txt', () => {
  let rules: LoopbackServer;
  let missing: LoopbackServer;
  let broken: LoopbackServer;
  let moved: LoopbackServer;
  let huge: LoopbackServer;
  let testRedis: TestRedis;

  beforeAll(async () => {
    testRedis = connectTestRedis(process.env['REDIS_URL']);
    rules = await robotsServer((path) => (path === '/robots.txt' ? { status: 200, body: RULES } : { status: 200, body: 'page' }));
    missing = await robotsServer((path) => (path === '/robots.txt' ? { status: 404 } : { status: 200, body: 'page' }));
    broken = await robotsServer((path) => (path === '/robots.txt' ? { status: 500 } : { status: 200, body: 'page' }));
    moved = await robotsServer((path) => {
      if (path === '/robots.txt') return { status: 301, headers: { location: '/real-robots.txt' } };
      if (path === '/real-robots.txt') return { status: 200, body: 'User-agent: *\nDisallow: /secret' };
      return { status: 200, body: 'page' };
    });
    // Rules first, then more than the read limit of filler: the rules still apply, the rest is ignored.
    huge = await robotsServer((path) =>
      path === '/robots.txt'
        ? { status: 200, body: `User-agent: *\nDisallow: /blocked\n${'# filler\n'.repeat(200_000)}Disallow: /late` }
        : { status: 200, body: 'page' },
    );
  });
  afterAll(async () => {
    await closeTestFetchers();
    await Promise.all([rules, missing, broken, moved, huge].map((server) => server.close()));
    await testRedis.cleanup();
  });

  const robotsOn = (extra = {}) => testFetcher({ robots: { enabled: true }, ...extra });

  it('derives the product token from the User-Agent', () => {
    expect(productTokenOf('CopydeskBot/1.0 (+https://example.org/bot)')).toBe('CopydeskBot');
    expect(productTokenOf('  Copydesk_Test-bot')).toBe('Copydesk_Test-bot');
  });

  it('applies the group for our product token, longest match first, and never asks for a disallowed page', async () => {
    const fetcher = robotsOn();
    const disallowed = await fetchErrorOf(fetcher.fetch(`${rules.origin}/private/report`));
    expect([disallowed.code, disallowed.retryable]).toEqual([FetchErrorCode.RobotsDisallowed, false]);
    expect(await fetchErrorOf(fetcher.fetch(`${rules.origin}/files/report.pdf`))).toMatchObject({
      code: FetchErrorCode.RobotsDisallowed,
    });
    expect((await fetcher.fetch(`${rules.origin}/private/open/page`)).status).toBe('ok');
    expect((await fetcher.fetch(`${rules.origin}/public`)).status).toBe('ok');
    expect(seenPath(rules, '/private/report')).toHaveLength(0);
    expect(seenPath(rules, '/files/report.pdf')).toHaveLength(0);
    // One robots.txt fetch served all four checks.
    expect(seenPath(rules, '/robots.txt')).toHaveLength(1);
  });

  it('does not apply our group to other bots', async () => {
    const other = robotsOn({ userAgent: 'UnlistedBot/2.0' });
    expect((await fetchErrorOf(other.fetch(`${rules.origin}/public`))).code).toBe(FetchErrorCode.RobotsDisallowed);
  });

  it('honours Crawl-delay as a minimum interval', async () => {
    const fetcher = robotsOn();
    // The delay spaces request starts: from before the first to after the third, at least two delays (0.2 s).
    const started = Date.now();
    await fetcher.fetch(`${rules.origin}/public?1`);
    await fetcher.fetch(`${rules.origin}/public?2`);
    await fetcher.fetch(`${rules.origin}/public?3`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('treats a 4xx robots.txt as allow-all', async () => {
    expect((await robotsOn().fetch(`${missing.origin}/anything`)).status).toBe('ok');
  });

  it('treats a 5xx robots.txt as a temporary complete disallow, cached for unreachableTtlMs', async () => {
    const fetcher = robotsOn({ robots: { enabled: true, unreachableTtlMs: 60_000 } });
    const error = await fetchErrorOf(fetcher.fetch(`${broken.origin}/page`));
    expect([error.code, error.retryable]).toEqual([FetchErrorCode.RobotsUnreachable, true]);
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    await fetchErrorOf(fetcher.fetch(`${broken.origin}/other`));
    expect(seenPath(broken, '/robots.txt')).toHaveLength(1);
    expect(seenPath(broken, '/page')).toHaveLength(0);
  });

  it('follows robots.txt redirects', async () => {
    const fetcher = robotsOn();
    expect((await fetchErrorOf(fetcher.fetch(`${moved.origin}/secret`))).code).toBe(FetchErrorCode.RobotsDisallowed);
    expect((await fetcher.fetch(`${moved.origin}/open`)).status).toBe('ok');
  });

  it('reads robots.txt up to its byte limit and ignores the rest', async () => {
    const fetcher = robotsOn({ robots: { enabled: true, maxBytes: 64 * 1024 } });
    expect((await fetchErrorOf(fetcher.fetch(`${huge.origin}/blocked`))).code).toBe(FetchErrorCode.RobotsDisallowed);
    expect((await fetcher.fetch(`${huge.origin}/late`)).status).toBe('ok');
  });

  it('refetches once the cache entry expires', async () => {
    const fetcher = robotsOn({ robots: { enabled: true, cacheTtlMs: 100 } });
    await fetcher.fetch(`${missing.origin}/a`);
    await fetcher.fetch(`${missing.origin}/b`);
    const before = seenPath(missing, '/robots.txt').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await fetcher.fetch(`${missing.origin}/c`);
    expect(seenPath(missing, '/robots.txt').length).toBe(before + 1);
  });

  it('shares the cache between workers through Redis', async () => {
    const shared = { redis: testRedis.redis, keyPrefix: testRedis.keyPrefix, robots: { enabled: true } };
    const before = seenPath(rules, '/robots.txt').length;
    await robotsOn(shared).fetch(`${rules.origin}/public?a`);
    const otherRedis = connectTestRedis(process.env['REDIS_URL']);
    try {
      const second = robotsOn({ ...shared, redis: otherRedis.redis });
      expect((await fetchErrorOf(second.fetch(`${rules.origin}/private/x`))).code).toBe(FetchErrorCode.RobotsDisallowed);
    } finally {
      otherRedis.redis.disconnect();
    }
    expect(seenPath(rules, '/robots.txt').length).toBe(before + 1);
  });

  it('checks robots.txt of every redirect hop', async () => {
    const hopper = await startLoopbackServer((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(404).end();
      else response.writeHead(302, { location: `${rules.origin}/private/via-redirect` }).end();
    });
    try {
      expect((await fetchErrorOf(robotsOn().fetch(`${hopper.origin}/go`))).code).toBe(FetchErrorCode.RobotsDisallowed);
      expect(seenPath(rules, '/private/via-redirect')).toHaveLength(0);
    } finally {
      await hopper.close();
    }
  });
});
