import { randomUUID } from 'node:crypto';
import { type ApiStack, startApiStack } from './support/api-stack';

jest.setTimeout(240_000);

interface Answer {
  status: number;
  replayed: string | null;
  body: Record<string, unknown>;
}

describe('Idempotency-Key on creating and triggering POSTs', () => {
  let stack: ApiStack;
  let secondApi: string;

  const post = async (
    path: string,
    body: unknown,
    key: string | null,
    options: { baseUrl?: string; apiKey?: string } = {},
  ): Promise<Answer> => {
    const response = await fetch(`${options.baseUrl ?? stack.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.apiKey ?? stack.adminKey}`,
        'content-type': 'application/json',
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const rawItemsOf = async (externalId: string): Promise<number> =>
    Number((await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM raw_items WHERE external_id = $1`, [externalId]))[0].n);

  beforeAll(async () => {
    stack = await startApiStack('idempotency');
    secondApi = (await stack.startAnotherApi()).client.baseUrl;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('replays the first answer to a sequential retry, in any API process, without storing the push twice', async () => {
    const key = randomUUID();
    const article = { title: 'Once only', body: 'Pushed with a retry.', externalId: 'idem-1' };
    const first = await post('/v1/articles', article, key);
    expect(first.status).toBe(202);
    expect(first.replayed).toBeNull();
    const retry = await post('/v1/articles', article, key, { baseUrl: secondApi });
    expect(retry).toEqual({ status: 202, replayed: 'true', body: first.body });
    expect(await rawItemsOf('idem-1')).toBe(1);
    // Without the header the same push is stored again (an update of the same article).
    expect((await post('/v1/articles', article, null)).body.id).toBe(first.body.id);
    expect(await rawItemsOf('idem-1')).toBe(2);
  });

  it('refuses the same key with another body with 422 idempotency-key-reused', async () => {
    const key = randomUUID();
    expect((await post('/v1/articles', { title: 'A', body: 'a', externalId: 'idem-2' }, key)).status).toBe(202);
    const other = await post('/v1/articles', { title: 'B', body: 'b', externalId: 'idem-2' }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency-key-reused' });
    // Another path is another request too.
    expect((await post('/v1/ingest', { url: 'https://example.com/a' }, key)).body).toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('does the work once for concurrent retries and gives all of them the same answer', async () => {
    const key = randomUUID();
    const article = { title: 'Raced', body: 'Ten at once.', externalId: 'idem-3' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post('/v1/articles', article, key, { baseUrl: i % 2 ? secondApi : stack.baseUrl })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await rawItemsOf('idem-3')).toBe(1);
  });

  it('keeps each API key’s Idempotency-Keys apart', async () => {
    const key = randomUUID();
    const other = await stack.insertKey({ scopes: ['ingest'] });
    const mine = await post('/v1/articles', { title: 'Mine', body: 'x', externalId: 'idem-4a' }, key);
    const theirs = await post('/v1/articles', { title: 'Theirs', body: 'y', externalId: 'idem-4b' }, key, { apiKey: other.key });
    expect(mine.status).toBe(202);
    expect(theirs.status).toBe(202);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('replays answers that carry a secret, stored sealed', async () => {
    const key = randomUUID();
    const first = await post('/v1/subscriptions', { url: 'https://example.com/hooks/idem' }, key);
    expect(first.status).toBe(201);
    const secret = first.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const retry = await post('/v1/subscriptions', { url: 'https://example.com/hooks/idem' }, key);
    expect(retry).toEqual({ status: 201, replayed: 'true', body: first.body });
    const stored = await stack.sql<{ response_body: string }>(`SELECT response_body FROM idempotency_keys WHERE key = $1`, [key]);
    expect(stored).toHaveLength(1);
    expect(stored[0].response_body).not.toContain(secret);
    expect(
      Number(
        (await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM subscriptions WHERE url = $1`, ['https://example.com/hooks/idem']))[0].n,
      ),
    ).toBe(1);
  });

  it('keeps a refusal of the request itself, forgets a refusal of the key', async () => {
    const key = randomUUID();
    const invalid = await post('/v1/articles', { title: '' }, key);
    expect(invalid.status).toBe(422);
    expect((await post('/v1/articles', { title: '' }, key)).replayed).toBe('true');
    const reader = await stack.insertKey({ scopes: ['read'] });
    const refused = await post('/v1/articles', { title: 'x', body: 'y', externalId: 'idem-5' }, key + 'r', { apiKey: reader.key });
    expect(refused.status).toBe(403);
    expect(await stack.sql(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key + 'r'])).toHaveLength(0);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const answer = await post('/v1/articles', { title: 'x', body: 'y' }, 'k'.repeat(256));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errors: [{ pointer: '/header/idempotency-key' }] });
  });
});
