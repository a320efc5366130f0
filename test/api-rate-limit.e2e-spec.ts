import { type ApiStack, startApiStack } from './support/api-stack';

jest.setTimeout(240_000);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('rate limits per key, shared by every API process', () => {
  let stack: ApiStack;
  let secondApi: string;

  const get = async (baseUrl: string, path: string, key: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    stack = await startApiStack('ratelimit', {
      // A slow refill for read (a token per 6 s): a loaded machine's slow requests must not refill the burst mid-test.
      RATE_LIMITS: 'read=5/30s,ingest=3/2s,manage=100/1s,admin=1000/1s',
      AUTH_FAILURE_LIMIT: '5/15s',
    });
    secondApi = (await stack.startAnotherApi()).client.baseUrl;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lets a burst through with RateLimit headers, refuses the next with 429 and Retry-After, then recovers', async () => {
    const { key } = await stack.insertKey({ scopes: ['read', 'ingest'] });
    const remaining: number[] = [];
    // Alternating between the two API processes: one bucket, in Redis.
    for (let i = 0; i < 5; i++) {
      const answer = await get(i % 2 ? secondApi : stack.baseUrl, '/v1/articles', key);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('5');
      expect(answer.headers.get('ratelimit-policy')).toBe('5;w=30');
      remaining.push(Number(answer.headers.get('ratelimit-remaining')));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const refused = await get(secondApi, '/v1/articles', key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'rate-limited' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');

    // Another scope has its own bucket.
    const push = await fetch(`${stack.baseUrl}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Still pushing', body: 'Copy.' }),
    });
    expect(push.status).toBe(202);
    expect(push.headers.get('ratelimit-limit')).toBe('3');

    await sleep(retryAfter * 1000 + 100);
    expect((await get(stack.baseUrl, '/v1/articles', key)).status).toBe(200);
  });

  it('keeps each key to its own bucket', async () => {
    const busy = await stack.insertKey({ scopes: ['read'] });
    const quiet = await stack.insertKey({ scopes: ['read'] });
    for (let i = 0; i < 6; i++) await get(stack.baseUrl, '/v1/articles', busy.key);
    expect((await get(stack.baseUrl, '/v1/articles', busy.key)).status).toBe(429);
    expect((await get(stack.baseUrl, '/v1/articles', quiet.key)).status).toBe(200);
  });

  it('slows down wrong keys from an address: after AUTH_FAILURE_LIMIT failures even a good key waits', async () => {
    const { key } = await stack.insertKey({ scopes: ['read'] });
    // Used once on each process first: a key a process remembers is refused all the same.
    expect((await get(stack.baseUrl, '/v1/articles', key)).status).toBe(200);
    expect((await get(secondApi, '/v1/articles', key)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(stack.baseUrl, '/v1/articles', `cdk_live_wrong-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const blocked = await get(secondApi, '/v1/articles', key);
    expect(blocked.status).toBe(429);
    expect(blocked.body.detail).toMatch(/failed authentications/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await sleep(Number(blocked.headers.get('retry-after')) * 1000 + 100);
    expect((await get(stack.baseUrl, '/v1/articles', key)).status).toBe(200);
  });
});
