import { buildWebhookHeaders } from '@copydesk/signing';
import type { ApiClient } from './support/api-client';
import { countRows, withDatabase } from './support/database';
import { e2eSetup, SECRETS_KEY } from './support/e2e-setup';
import type { IsolatedEnvironment } from './support/isolated-environment';
import { type FeedEntry, newsPage, rssFeed, sectionFront, storyParagraphs } from './support/pages';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';
import { type SiteResponse, type SiteServer, startSite } from './support/site-server';

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

/** Copy from everywhere: feeds polled on schedule, pages scraped on request, signed inbound webhooks. */
describe('sources: feeds, scraping and inbound webhooks', () => {
  let environment: IsolatedEnvironment;
  let apps: RunningApp[] = [];
  let client: ApiClient;
  let site: SiteServer;

  const article = async (id: string): Promise<Record<string, unknown>> => (await client.get(`/v1/articles/${id}`)).body;
  const settled = (id: string): Promise<Record<string, unknown>> =>
    waitFor(
      async () => {
        const read = await article(id);
        return read.status === 'published' || read.status === 'failed' ? read : null;
      },
      { timeoutMs: 60_000, describe: () => apps.map((a) => a.output().slice(-1500)).join('\n') },
    );

  beforeAll(async () => {
    const setup = await e2eSetup('sources', {
      SECRETS_KEY,
      FETCH_ALLOW_LOOPBACK: 'true',
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
    });
    ({ environment, client } = setup);
    site = await startSite();
    apps = [
      startApp('api', setup.env),
      ...(['ingest-worker', 'enrichment-worker', 'publish-worker'] as const).map((name) => startApp(name, setup.env)),
    ];
    await waitForHealthy(client.baseUrl, apps[0]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await site?.close();
  });

  describe('a feed polled on its schedule', () => {
    const entries: FeedEntry[] = [];
    let sourceId: string;
    let etagHits = 0;

    beforeAll(() => {
      const full = (n: number, title: string): FeedEntry => ({
        guid: `gazette-${n}`,
        title,
        link: `${site.origin}/news/${n}`,
        published: `2026-11-2${n}T10:00:00Z`,
        summary: `${title}: the summary.`,
        contentHtml: storyParagraphs(title, 8)
          .map((p) => `<p>${p}</p>`)
          .join(''),
      });
      entries.push(full(1, 'Ferry service resumes'), full(2, 'Library opens new wing'));
      // A teaser: the article is on the linked page.
      entries.push({
        guid: 'gazette-3',
        title: 'Storm closes harbour',
        link: `${site.origin}/news/3`,
        published: '2026-11-23T10:00:00Z',
        summary: 'The harbour was closed… Read more',
      });
      site.route('/news/3', {
        body: newsPage(
          {
            title: 'Storm closes harbour',
            author: 'Ana Ruiz',
            published: '2026-11-23T10:00:00Z',
            paragraphs: storyParagraphs('the storm', 7),
          },
          `${site.origin}/news/3`,
        ),
      });
      site.route('/feed.xml', (req): SiteResponse => {
        const body = rssFeed(site.origin, entries);
        const etag = `"v${entries.length}-${entries.map((e) => e.title).join('').length}"`;
        if (req.headers['if-none-match'] === etag) {
          etagHits++;
          return { status: 304, headers: { etag } };
        }
        return { headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body };
      });
    });

    it('turns every item into an article, scraping the teaser from its page', async () => {
      const created = await client.post('/v1/sources', {
        slug: 'gazette',
        name: 'Harbour Gazette',
        type: 'feed',
        url: `${site.origin}/feed.xml`,
        pollIntervalSeconds: 2,
        minIntervalSeconds: 1,
        maxIntervalSeconds: 3,
        credentials: { type: 'bearer', token: 'partner-secret-token' },
        politeness: { minIntervalMs: 50, concurrency: 1 },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        slug: 'gazette',
        type: 'feed',
        hasCredentials: true,
        politeness: { minIntervalMs: 50, concurrency: 1 },
      });
      expect(JSON.stringify(created.body)).not.toContain('partner-secret-token');
      sourceId = created.body.id as string;

      const ids = await waitFor(
        async () =>
          withDatabase(async (db) => {
            const { rows } = await db.query(`SELECT external_id, id FROM articles WHERE source_id = $1 ORDER BY external_id`, [sourceId]);
            return rows.length === 3 ? (rows as Array<{ external_id: string; id: string }>) : null;
          }, environment.databaseUrl),
        { timeoutMs: 60_000 },
      );
      const [ferry, library, storm] = await Promise.all(ids.map((row) => settled(row.id)));
      expect(ferry).toMatchObject({
        status: 'published',
        title: 'Ferry service resumes',
        url: `${site.origin}/news/1`,
        publishedAt: '2026-11-21T10:00:00.000Z',
      });
      expect(library.status).toBe('published');
      expect(storm).toMatchObject({ status: 'published', title: 'Storm closes harbour', byline: 'Ana Ruiz' });
      expect(storm.bodyText as string).toContain('Paragraph 7 about the storm');
      expect(storm.bodyText as string).not.toMatch(/cookies|Most read|All rights reserved/);
      // The source's credentials go with its requests (never to another origin: see PageScraper).
      expect(site.requests.find((r) => r.path === '/feed.xml')?.headers.authorization).toBe('Bearer partner-secret-token');
    });

    it('keeps polling on schedule: a 304 costs nothing, a changed item becomes a revision, a new one an article', async () => {
      await waitFor(async () => etagHits > 0, { timeoutMs: 30_000 });
      const documents = await withDatabase(
        async (db) =>
          Number(
            (await db.query(`SELECT count(*) FROM raw_items WHERE source_id = $1 AND metadata->>'kind' = 'feed-document'`, [sourceId]))
              .rows[0].count,
          ),
        environment.databaseUrl,
      );
      expect(documents).toBe(1);

      entries[0] = {
        ...entries[0],
        title: 'Ferry service resumes after repairs',
        contentHtml: `${entries[0].contentHtml}<p>Updated with the new timetable.</p>`,
      };
      entries.push({ ...entries[1], guid: 'gazette-4', title: 'Market returns to the square', link: `${site.origin}/news/4` });
      const [ferry] = await withDatabase(
        async (db) => (await db.query(`SELECT id FROM articles WHERE external_id = 'gazette-1'`)).rows,
        environment.databaseUrl,
      );
      const revised = await waitFor(
        async () => {
          const read = await article(ferry.id as string);
          return read.revision === 2 && read.status === 'published' ? read : null;
        },
        { timeoutMs: 60_000 },
      );
      expect(revised.title).toBe('Ferry service resumes after repairs');
      await waitFor(
        async () =>
          withDatabase(
            async (db) => (await db.query(`SELECT 1 FROM articles WHERE external_id = 'gazette-4'`)).rowCount === 1,
            environment.databaseUrl,
          ),
        {
          timeoutMs: 60_000,
        },
      );
      // The poller stores the items first and counts them in the source's health after: wait for the count.
      const source = await waitFor(
        async () => {
          const read = await client.get<{ health: { itemsSeen: number } }>(`/v1/sources/${sourceId}`);
          return read.body.health.itemsSeen >= 5 ? read : null;
        },
        { timeoutMs: 60_000 },
      );
      expect(source.body.health).toMatchObject({ consecutiveFailures: 0, status: 'healthy', itemsSeen: 5 });
    });

    it('records failures in the source health and keeps polling', async () => {
      site.route('/feed.xml', { status: 500, body: 'oops' });
      const failing = await waitFor(
        async () => {
          const read = await client.get<{ health: { consecutiveFailures: number; lastError: string; status: string } }>(
            `/v1/sources/${sourceId}`,
          );
          return read.body.health.consecutiveFailures >= 1 ? read.body : null;
        },
        { timeoutMs: 60_000 },
      );
      expect(failing.health.lastError).toMatch(/500/);
      await client.request('PATCH', `/v1/sources/${sourceId}`, { active: false });
    });
  });

  describe('scraping a page on request', () => {
    it('fetches, extracts and publishes the page; the same URL again updates the article', async () => {
      const url = `${site.origin}/news/scraped`;
      site.route('/news/scraped', {
        body: newsPage(
          {
            title: 'Bridge reopens to traffic',
            author: 'Lee Chan',
            published: '2026-11-20T08:30:00+01:00',
            paragraphs: storyParagraphs('the bridge'),
          },
          url,
        ),
      });
      const first = await client.post('/v1/ingest', { url: `${url}?utm_source=newsletter` });
      expect(first.status).toBe(202);
      const done = await settled(first.body.id as string);
      expect(done).toMatchObject({
        status: 'published',
        title: 'Bridge reopens to traffic',
        byline: 'Lee Chan',
        canonicalUrl: url,
        publishedAt: '2026-11-20T07:30:00.000Z',
      });
      const again = await client.post('/v1/ingest', { url });
      expect(again.body.id).toBe(first.body.id);
      // The second scrape stores its request and, once fetched, the page: wait until every raw item is processed,
      // so no row lands while the next test counts them.
      await waitFor(
        () =>
          withDatabase(
            async (db) =>
              Number(
                (await db.query(`SELECT count(*) AS n FROM raw_items WHERE article_id = $1 AND processed_at IS NULL`, [first.body.id]))
                  .rows[0].n,
              ) === 0,
            environment.databaseUrl,
          ),
        { timeoutMs: 60_000 },
      );
      const raw = await withDatabase(
        async (db) =>
          (await db.query(`SELECT origin, content_type FROM raw_items WHERE article_id = $1 ORDER BY received_at`, [first.body.id])).rows,
        environment.databaseUrl,
      );
      expect(raw.slice(0, 2)).toEqual([
        { origin: 'scrape', content_type: 'application/vnd.copydesk.scrape-request+json' },
        { origin: 'scrape', content_type: 'text/html; charset=utf-8' },
      ]);
    });

    it.each([
      ['a file URL', 'file:///etc/passwd'],
      ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
      ['a private address', 'http://10.1.2.3/news'],
      ['credentials in the URL', 'http://user:pass@example.com/news'],
    ])('refuses %s at once with 422, storing nothing', async (_, url) => {
      const before = await countRows('raw_items', environment.databaseUrl);
      const response = await client.post('/v1/ingest', { url });
      expect([400, 422]).toContain(response.status);
      expect(response.contentType).toMatch(/problem\+json/);
      expect(await countRows('raw_items', environment.databaseUrl)).toBe(before);
    });

    it('refuses a list that is too long', async () => {
      const response = await client.post('/v1/ingest', { urls: Array.from({ length: 101 }, (_, i) => `${site.origin}/p/${i}`) });
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toMatch(/at most 100/);
    });

    it('marks the article failed when a redirect leads to a forbidden address, and never fetches it', async () => {
      site.route('/go', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
      const response = await client.post('/v1/ingest', { url: `${site.origin}/go` });
      expect(response.status).toBe(202);
      const done = await settled(response.body.id as string);
      expect(done.status).toBe('failed');
      expect(done.failureReason).toMatch(/redirect|refused/i);
    });

    it('marks a page without an article (a section front) failed with the reason', async () => {
      site.route('/news', { body: sectionFront(site.origin) });
      const response = await client.post('/v1/ingest', { url: `${site.origin}/news` });
      const done = await settled(response.body.id as string);
      expect(done.status).toBe('failed');
      expect(done.failureReason).toMatch(/no article/);
    });
  });

  describe('inbound webhooks', () => {
    let sourceId: string;
    let secret: string;
    const signed = (id: string, body: unknown, secrets = [secret], timestamp = Math.floor(Date.now() / 1000)) => {
      const text = JSON.stringify(body);
      return { text, headers: { ...buildWebhookHeaders({ id, timestamp, body: text, secrets }), 'content-type': 'application/json' } };
    };
    const call = (message: { text: string; headers: Record<string, string> }) =>
      client.withKey(null).request('POST', `/v1/webhooks/${sourceId}`, message.text, message.headers);

    beforeAll(async () => {
      const created = await client.post('/v1/sources', { slug: 'partner-hook', name: 'Partner', type: 'webhook' });
      expect(created.status).toBe(201);
      sourceId = created.body.id as string;
      secret = created.body.webhookSecret as string;
      expect(secret).toMatch(/^whsec_/);
      expect((await client.get(`/v1/sources/${sourceId}`)).body.webhookSecret).toBeUndefined();
    });

    it('accepts a signed article with 202 and ingests it', async () => {
      const response = await call(
        signed('msg_hook_1', { title: 'Partner story', body: '<p>From the partner CMS.</p>', externalId: 'p-1' }),
      );
      expect(response.status).toBe(202);
      const items = (response.body as { items: Array<{ id: string }> }).items;
      expect(items).toHaveLength(1);
      expect(await settled(items[0].id)).toMatchObject({ status: 'published', title: 'Partner story' });
    });

    it('acknowledges a replayed webhook-id and ignores it', async () => {
      const before = await countRows('raw_items', environment.databaseUrl);
      const response = await call(
        signed('msg_hook_1', { title: 'Partner story', body: '<p>From the partner CMS.</p>', externalId: 'p-1' }),
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'duplicate' });
      expect(await countRows('raw_items', environment.databaseUrl)).toBe(before);
    });

    it.each([
      ['a wrong secret', () => signed('msg_bad_1', { title: 'x', body: 'y' }, ['whsec_' + Buffer.alloc(32, 7).toString('base64')])],
      ['an old timestamp', () => signed('msg_bad_2', { title: 'x', body: 'y' }, undefined, Math.floor(Date.now() / 1000) - 3600)],
      [
        'a body changed after signing',
        () => ({ ...signed('msg_bad_3', { title: 'x', body: 'y' }), text: JSON.stringify({ title: 'x', body: 'z' }) }),
      ],
      ['no signature at all', () => ({ text: JSON.stringify({ title: 'x', body: 'y' }), headers: { 'content-type': 'application/json' } })],
    ])('refuses %s with 401 and stores nothing', async (_, message) => {
      const before = await countRows('raw_items', environment.databaseUrl);
      const response = await call(message());
      expect(response.status).toBe(401);
      expect(response.contentType).toMatch(/problem\+json/);
      expect(await countRows('raw_items', environment.databaseUrl)).toBe(before);
    });

    it('accepts a batch, or the source API key instead of a signature', async () => {
      const batch = await call(
        signed('msg_batch_1', {
          articles: [
            { title: 'One', body: 'First.' },
            { title: 'Two', body: 'Second.' },
          ],
        }),
      );
      expect(batch.status).toBe(202);
      expect((batch.body as { items: unknown[] }).items).toHaveLength(2);
      const keyed = await client.request('POST', `/v1/webhooks/${sourceId}`, { title: 'Keyed', body: 'By key.' });
      expect(keyed.status).toBe(202);
    });

    it('refuses an invalid batch whole', async () => {
      const before = await countRows('raw_items', environment.databaseUrl);
      const response = await call(signed('msg_batch_2', { articles: [{ title: 'Fine', body: 'ok' }, { body: 'no title' }] }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).toContain('/articles/1/title');
      expect(await countRows('raw_items', environment.databaseUrl)).toBe(before);
    });

    it('keeps verifying the previous secret during a rotation overlap', async () => {
      const rotated = await client.post(`/v1/sources/${sourceId}/rotate-webhook-secret`, { overlapSeconds: 600 });
      expect(rotated.status).toBe(201);
      const fresh = rotated.body.webhookSecret as string;
      expect((await call(signed('msg_rot_old', { title: 'Old key', body: 'x' }, [secret]))).status).toBe(202);
      expect((await call(signed('msg_rot_new', { title: 'New key', body: 'x' }, [fresh]))).status).toBe(202);
    });
  });
});
