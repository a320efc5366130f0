import { verify } from '@copydesk/signing';
import type { ApiClient } from './support/api-client';
import { countRows, withDatabase } from './support/database';
import { e2eSetup } from './support/e2e-setup';
import type { IsolatedEnvironment } from './support/isolated-environment';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

/**
 * The foundation end to end: the API and the three workers as separate processes on real PostgreSQL and Redis,
 * a subscriber on 127.0.0.1, one article all the way through.
 */
describe('one article, end to end, across four processes', () => {
  let environment: IsolatedEnvironment;
  let env: NodeJS.ProcessEnv;
  let api: RunningApp;
  let workers: RunningApp[] = [];
  let client: ApiClient;
  let subscriber: SubscriberServer;
  let subscriptionSecret: string;

  // Workers log at info level so the correlation id can be followed through their lines.
  const startWorkers = (): RunningApp[] =>
    (['ingest-worker', 'enrichment-worker', 'publish-worker'] as const).map((name) => startApp(name, { ...env, LOG_LEVEL: 'info' }));

  beforeAll(async () => {
    ({ environment, env, client } = await e2eSetup('foundation', {
      FETCH_ALLOW_LOOPBACK: 'true',
      MAX_BODY_BYTES: String(64 * 1024),
      OUTBOX_SWEEP_MS: '1000',
      DELIVERY_RETRY_SCHEDULE: '1s,1s,1s',
    }));
    api = startApp('api', env);
    await waitForHealthy(client.baseUrl, api);
    subscriber = await startSubscriber();
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].map((app) => app?.stop()));
    await subscriber?.close();
  });

  it('answers 202 with the article id only after the raw item is stored, and the article reads as received at once', async () => {
    // No worker runs yet: what the API promises must hold on its own.
    const response = await client.post('/v1/articles', {
      title: 'Pushed before the workers',
      body: '<p>Waiting in the queue.</p>',
      externalId: 'early-1',
    });
    expect(response.status).toBe(202);
    expect(Object.keys(response.body).sort()).toEqual(['id', 'jobId', 'status']);
    expect(response.body.status).toBe('received');
    const id = response.body.id as string;
    const article = await client.get(`/v1/articles/${id}`);
    expect(article.status).toBe(200);
    expect(article.body.status).toBe('received');
    const raw = await withDatabase(
      async (db) =>
        (await db.query(`SELECT origin, content_type, convert_from(payload, 'UTF8') AS payload FROM raw_items WHERE article_id = $1`, [id]))
          .rows,
      environment.databaseUrl,
    );
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ origin: 'api', content_type: 'application/json' });
    expect(JSON.parse(raw[0].payload as string)).toEqual({
      title: 'Pushed before the workers',
      body: '<p>Waiting in the queue.</p>',
      externalId: 'early-1',
    });
  });

  it('creates a subscription and shows its secret once', async () => {
    const created = await client.post('/v1/subscriptions', { url: subscriber.url });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: subscriber.url, status: 'active', format: 'native' });
    expect(created.body.events).toEqual(['article.created', 'article.updated', 'article.killed']);
    subscriptionSecret = created.body.secret as string;
    expect(subscriptionSecret).toMatch(/^whsec_/);
    const read = await client.get(`/v1/subscriptions/${created.body.id as string}`);
    expect(read.body.secret).toBeUndefined();
  });

  it('publishes a pushed article to the subscriber, signed, with word count and language', async () => {
    workers = startWorkers();
    const pushed = await client.post(
      '/v1/articles',
      {
        title: 'Harbour bridge reopens after repairs',
        body: '<p>The harbour bridge reopened on Tuesday after six weeks of repairs, the city said.</p><p>Traffic was light in the morning.</p>',
        byline: 'By Ana Ruiz',
        url: 'https://news.example.com/bridge?utm_source=x',
        publishedAt: '2026-11-24T08:00:00+01:00',
        externalId: 'cms-bridge-1',
      },
      { 'x-correlation-id': 'e2e-bridge-1' },
    );
    expect(pushed.status).toBe(202);
    const id = pushed.body.id as string;

    const article = await waitFor(
      async () => {
        const read = await client.get(`/v1/articles/${id}`);
        return read.body.status === 'published' ? read.body : null;
      },
      // The three workers boot inside this wait: on a loaded two-core machine that alone took over 30 s.
      { timeoutMs: 120_000, describe: () => workers.map((w) => w.output().slice(-2000)).join('\n') },
    );
    expect(article).toMatchObject({
      title: 'Harbour bridge reopens after repairs',
      byline: 'Ana Ruiz',
      canonicalUrl: 'https://news.example.com/bridge',
      publishedAt: '2026-11-24T07:00:00.000Z',
      language: 'en',
      revision: 1,
    });
    const enrichment = article.enrichment as { wordCount: number; language: { code: string } };
    expect(enrichment.wordCount).toBe(20);
    expect(enrichment.language.code).toBe('en');

    const delivery = await waitFor(async () => subscriber.received.find((d) => JSON.parse(d.body).data?.id === id), { timeoutMs: 60_000 });
    expect(() => verify({ headers: delivery.headers, body: delivery.body, secrets: [subscriptionSecret] })).not.toThrow();
    const payload = JSON.parse(delivery.body);
    expect(payload.type).toBe('article.created');
    expect(payload.data.title).toBe('Harbour bridge reopens after repairs');

    // One correlation id, from the request header through every worker's log lines for this article.
    for (const worker of workers) {
      const lines = worker
        .output()
        .split('\n')
        .filter((line) => line.includes('"correlationId":"e2e-bridge-1"'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => JSON.parse(line).articleId === id)).toBe(true);
    }

    // The article pushed while no worker ran went through too: nothing was lost.
    await waitFor(async () => subscriber.received.some((d) => JSON.parse(d.body).data?.title === 'Pushed before the workers'), {
      timeoutMs: 60_000,
    });
  });

  it('updates the article when the same externalId is pushed again, and never duplicates it', async () => {
    const body = { title: 'Budget vote delayed', body: '<p>The vote was delayed to Friday.</p>', externalId: 'cms-budget-7' };
    const first = await client.post('/v1/articles', body);
    await waitFor(async () => (await client.get(`/v1/articles/${first.body.id as string}`)).body.status === 'published', {
      timeoutMs: 60_000,
    });
    const second = await client.post('/v1/articles', { ...body, body: '<p>The vote was delayed to Monday.</p>' });
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    const updated = await waitFor(
      async () => {
        const read = await client.get(`/v1/articles/${first.body.id as string}`);
        return read.body.revision === 2 && read.body.status === 'published' ? read.body : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(updated.bodyText).toBe('The vote was delayed to Monday.');
    const rows = await withDatabase(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM articles WHERE external_id = 'cms-budget-7'`)).rows[0].n as number,
      environment.databaseUrl,
    );
    expect(rows).toBe(1);
    await waitFor(
      async () =>
        subscriber.received.some((d) => JSON.parse(d.body).type === 'article.updated' && JSON.parse(d.body).data?.id === first.body.id),
      {
        timeoutMs: 60_000,
      },
    );
  });

  it('queues a raw item that was committed but never reached the queue (the outbox sweeper)', async () => {
    // As if the API died between its commit and its enqueue: the row exists, no job does.
    const id = await withDatabase(async (db) => {
      const {
        rows: [source],
      } = await db.query(`SELECT id FROM sources WHERE slug = 'cms'`);
      const {
        rows: [article],
      } = await db.query(
        `INSERT INTO articles (id, source_id, status, external_id) VALUES (gen_random_uuid(), $1, 'received', 'orphan-1') RETURNING id`,
        [source.id],
      );
      await db.query(
        `INSERT INTO raw_items (source_id, article_id, origin, content_type, payload, status, correlation_id, received_at, external_id)
         VALUES ($1, $2, 'api', 'application/json', convert_to($3, 'UTF8'), 'received', 'orphan-correlation', now() - interval '1 minute', 'orphan-1')`,
        [source.id, article.id, JSON.stringify({ title: 'Orphaned push', body: 'Committed, never queued.', externalId: 'orphan-1' })],
      );
      return article.id as string;
    }, environment.databaseUrl);
    const article = await waitFor(
      async () => {
        const read = await client.get(`/v1/articles/${id}`);
        return read.body.status === 'published' ? read.body : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(article.title).toBe('Orphaned push');
  });

  describe('bad input gets problem+json and stores nothing', () => {
    const cases: Array<[string, unknown, number, RegExp]> = [
      ['missing title', { body: '<p>x</p>' }, 422, /\/title/],
      ['wrong types', { title: 42, body: ['x'] }, 422, /title must be a string/],
      ['an unknown field', { title: 'T', body: 'B', priority: 'urgent' }, 422, /property priority should not exist/],
      ['a bad date', { title: 'T', body: 'B', publishedAt: 'yesterday' }, 422, /publishedAt must be an ISO 8601 date/],
      ['an unknown source', { title: 'T', body: 'B', source: 'no-such-source' }, 422, /no-such-source/],
      ['malformed JSON', '{"title": "T", ', 400, /./],
      ['an oversized body', { title: 'T', body: 'x'.repeat(70 * 1024) }, 413, /./],
    ];

    it.each(cases)('%s', async (_, body, status, detail) => {
      const before = [await countRows('articles', environment.databaseUrl), await countRows('raw_items', environment.databaseUrl)];
      const response = await client.post('/v1/articles', body);
      expect(response.status).toBe(status);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, type: expect.stringContaining('https://'), title: expect.any(String) });
      expect(JSON.stringify(response.body)).toMatch(detail);
      expect([await countRows('articles', environment.databaseUrl), await countRows('raw_items', environment.databaseUrl)]).toEqual(before);
    });

    it('refuses a missing or wrong key with 401', async () => {
      for (const key of [null, 'not-the-key-0000000000']) {
        const response = await client.withKey(key).post('/v1/articles', { title: 'T', body: 'B' });
        expect(response.status).toBe(401);
        expect(response.contentType).toMatch(/^application\/problem\+json/);
      }
    });

    it('answers an unknown article id with 404 and a malformed one with 400', async () => {
      expect((await client.get('/v1/articles/7f3c2a1e-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await client.get('/v1/articles/not-a-uuid')).status).toBe(400);
    });
  });

  it('serves health, OpenAPI and metrics without a key', async () => {
    const anonymous = client.withKey(null);
    expect((await anonymous.get('/health')).body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    const openapi = await anonymous.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/v1/articles', '/v1/articles/{id}', '/v1/subscriptions']));
    const metrics = await anonymous.get<string>('/metrics');
    expect(metrics.body).toMatch(/copydesk_articles\{status="published"\} [1-9]/);
  });

  it('on SIGTERM a worker finishes its in-flight job and exits; nothing is lost or doubled', async () => {
    const publisher = workers[2];
    // Earlier tests wait for publication, not delivery: one of their deliveries still on its way would pass for
    // this article's below, and the worker would be stopped before this article's delivery began.
    await waitFor(
      () =>
        withDatabase(
          async (db) =>
            (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'`)).rows[0].n === 0,
          environment.databaseUrl,
        ),
      { timeoutMs: 60_000, describe: () => workers.map((w) => w.output().slice(-2000)).join('\n') },
    );
    subscriber.respondWith(204, 1500);
    const before = subscriber.received.length;
    const startedBefore = subscriber.started();
    const pushed = await client.post('/v1/articles', { title: 'Slow subscriber story', body: '<p>Delivered while the worker stops.</p>' });
    const id = pushed.body.id as string;
    // Stop the publish worker while the subscriber is still holding the delivery request open.
    await waitFor(async () => subscriber.started() > startedBefore, { timeoutMs: 60_000 });
    expect(await publisher.stop('SIGTERM')).toBe(0);
    subscriber.respondWith(204);
    const deliveries = await withDatabase(
      async (db) => (await db.query(`SELECT status, attempts FROM deliveries WHERE article_id = $1`, [id])).rows,
      environment.databaseUrl,
    );
    expect(deliveries).toEqual([{ status: 'delivered', attempts: 1 }]);
    expect(subscriber.received.slice(before).filter((d) => JSON.parse(d.body).data?.id === id)).toHaveLength(1);
    workers[2] = startApp('publish-worker', env);
  });
});
