import type { QueueName } from '@copydesk/contracts';
import { freePort } from '@copydesk/embedded';
import { createHash } from 'node:crypto';
import type { Overview, QueueFigures } from '../apps/api/src/admin/overview.view';
import { ApiClient } from './support/api-client';
import { withDatabase } from './support/database';
import { createIsolatedEnvironment, type IsolatedEnvironment } from './support/isolated-environment';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';
import { type SiteServer, startSite } from './support/site-server';

const ADMIN_KEY = 'test-admin-key-dashboard-0123456789';
const READ_KEY = 'test-read-key-dashboard-0123456789';
const CHALLENGE = 'Basic realm="Copydesk admin"';

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The admin dashboard: who may see it, what the page is made of, and whether the figures follow the pipeline. */
describe('admin dashboard', () => {
  let environment: IsolatedEnvironment;
  let apps: RunningApp[] = [];
  let client: ApiClient;
  let site: SiteServer;

  const call = async (
    path: string,
    init: { method?: string; authorization?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const response = await fetch(`${client.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.authorization ? { authorization: init.authorization } : {}), ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
  };
  const asAdmin = (path: string, method = 'GET'): Promise<Answer> => call(path, { method, authorization: `Bearer ${ADMIN_KEY}` });
  const overview = async (): Promise<Overview> => {
    const answer = await asAdmin('/admin/api/overview');
    if (answer.status !== 200) throw new Error(`overview answered ${answer.status}: ${answer.text}`);
    return answer.json<Overview>();
  };
  /** Polls the overview until `ready` accepts it (the API caches it for 2 s, and the workers take their time). */
  const overviewWhere = (ready: (o: Overview) => boolean): Promise<Overview> =>
    waitFor(
      async () => {
        const read = await overview();
        return ready(read) ? read : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, describe: () => apps.map((a) => `--- ${a.name}\n${a.output().slice(-2000)}`).join('\n') },
    );
  const queue = (o: Overview, name: `${QueueName}`): QueueFigures => {
    const found = o.queues?.find((q) => q.name === (name as QueueName));
    if (!found) throw new Error(`no queue ${name} in the overview: ${JSON.stringify(o.errors)}`);
    return found;
  };
  /** Sections are null only when a store could not be read; in this suite that is a failure. */
  const present = <T>(section: T | null): T => {
    if (section === null) throw new Error('an overview section is missing');
    return section;
  };

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('admin');
    site = await startSite();
    const port = await freePort();
    const env = {
      ...environment.env,
      PORT: String(port),
      COPYDESK_ADMIN_KEY: ADMIN_KEY,
      FETCH_ALLOW_LOOPBACK: 'true',
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    };
    // No enrichment worker on purpose: what the ingest worker hands on waits in the enrichment queue, visibly.
    apps = [startApp('api', env), startApp('ingest-worker', env)];
    client = new ApiClient(`http://127.0.0.1:${port}`, ADMIN_KEY);
    await withDatabase(
      (db) =>
        db.query(`INSERT INTO api_keys (name, key_hash, key_prefix, scopes) VALUES ('dashboard reader', $1, $2, '{read}')`, [
          createHash('sha256').update(READ_KEY).digest('hex'),
          READ_KEY.slice(0, 8),
        ]),
      environment.databaseUrl,
    );
    await waitForHealthy(client.baseUrl, apps[0]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await site?.close();
  });

  describe('access', () => {
    it.each([
      ['no credentials', undefined],
      ['a wrong bearer key', 'Bearer not-the-admin-key-000000'],
      ['a wrong Basic password', basic('admin', 'not-the-admin-key-000000')],
      ['Basic without a password', basic('admin', '')],
      ['another scheme', 'Token whatever'],
    ])('answers 401 with the Basic challenge to %s', async (_, authorization) => {
      for (const path of ['/admin', '/admin/api/overview']) {
        const answer = await call(path, { authorization });
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe(CHALLENGE);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.json()).toMatchObject({ status: 401, code: 'unauthorized' });
      }
    });

    it('admits the admin key as a bearer token and as the password of Basic auth, whatever the user name', async () => {
      for (const authorization of [`Bearer ${ADMIN_KEY}`, basic('admin', ADMIN_KEY), basic('someone-else', ADMIN_KEY)]) {
        const json = await call('/admin/api/overview', { authorization });
        expect(json.status).toBe(200);
        expect(json.headers.get('content-type')).toMatch(/^application\/json/);
        const page = await call('/admin', { authorization });
        expect(page.status).toBe(200);
      }
    });

    it('refuses a valid key without the admin scope with 403, by either scheme', async () => {
      for (const authorization of [`Bearer ${READ_KEY}`, basic('reader', READ_KEY)]) {
        for (const [method, path] of [
          ['GET', '/admin'],
          ['GET', '/admin/api/overview'],
          ['POST', '/admin/api/queues/ingest/pause'],
        ]) {
          const answer = await call(path, { method, authorization, headers: { 'x-copydesk-admin': '1' } });
          expect(answer.status).toBe(403);
          expect(answer.headers.get('www-authenticate')).toBeNull();
          expect(answer.json()).toMatchObject({ status: 403, code: 'forbidden' });
        }
      }
      // The same key still reads /v1: only /admin is closed to it.
      expect((await call('/v1/articles', { authorization: `Bearer ${READ_KEY}` })).status).toBe(200);
    });
  });

  it('serves one self-contained HTML page that reads the overview and links to docs, health and metrics', async () => {
    const page = await call('/admin', { authorization: basic('admin', ADMIN_KEY) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toMatch(/^<!doctype html>/i);
    expect(page.text).toContain("'/admin/api/overview'");
    for (const link of ['/docs', '/health', '/metrics']) expect(page.text).toContain(`href="${link}"`);
    // Nothing from elsewhere: no absolute URL at all, every reference same-origin or inline.
    expect(page.text).not.toMatch(/https?:\/\//i);
    expect(page.text).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    for (const [, ref] of page.text.matchAll(/\b(?:href|src|action)\s*=\s*"([^"]*)"/gi)) expect(ref).toMatch(/^(\/[^/]|data:)/);
    expect(page.text).not.toMatch(/<script[^>]+src=/i);
    expect(page.text).not.toMatch(/<link[^>]+stylesheet/i);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'sha256-/);
  });

  it('reports every queue, the article statuses and the ingest window even when nothing has happened', async () => {
    const o = await overview();
    expect(o.errors).toEqual({});
    const queues = present(o.queues);
    expect(queues.map((q) => q.name).sort()).toEqual(['enrichment', 'ingest', 'poll', 'publish']);
    for (const q of queues) {
      expect(q).toMatchObject({
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        failed: expect.any(Number),
        completed: expect.any(Number),
        paused: false,
      });
    }
    expect(Object.keys(present(o.articles).byStatus).sort()).toEqual([
      'enriched',
      'extracted',
      'failed',
      'killed',
      'published',
      'received',
    ]);
    const ingest = present(o.ingest);
    expect(ingest).toMatchObject({ windowSeconds: 6 * 3600, bucketSeconds: 300 });
    expect(ingest.buckets).toHaveLength(72);
    expect(Date.parse(ingest.buckets[71].at) - Date.parse(ingest.buckets[0].at)).toBe(71 * 300_000);
    expect(o.latency).toMatchObject({ windowSeconds: 3600, articles: expect.any(Number) });
    expect(present(o.sources).map((s) => s.slug)).toEqual(expect.arrayContaining(['cms', 'web']));
    expect(o.failures).toMatchObject({ articles: expect.any(Array), rawItems: expect.any(Array) });
    expect(present(o.deliveries).subscriptions).toEqual(expect.any(Array));
  });

  it('follows a pushed article: status counts, the ingest rate and the queues', async () => {
    const before = await overview();
    const pushed = await client.post('/v1/articles', {
      title: 'Dashboard sees the ferry story',
      body: '<p>The ferry ran late on Monday, the operator said.</p>',
      externalId: 'admin-1',
    });
    expect(pushed.status).toBe(202);
    const [articlesBefore, ingestBefore] = [present(before.articles), present(before.ingest)];
    const after = await overviewWhere((o) => {
      const [articles, ingest] = [present(o.articles), present(o.ingest)];
      return (
        articles.total === articlesBefore.total + 1 &&
        articles.byStatus.extracted >= articlesBefore.byStatus.extracted + 1 &&
        ingest.total >= ingestBefore.total + 1 &&
        queue(o, 'ingest').completed >= 1 &&
        // Nobody consumes the enrichment queue in this suite: the article's next step waits there.
        queue(o, 'enrichment').waiting >= 1
      );
    });
    // The push landed in the current bucket (or the one before, had the clock just turned).
    expect(
      present(after.ingest)
        .buckets.slice(-2)
        .reduce((sum, b) => sum + b.items, 0),
    ).toBeGreaterThanOrEqual(1);
  });

  it('shows a failing feed with its error, and a page that could not be fetched among the recent failures', async () => {
    site.route('/feed.xml', { status: 500, body: 'the feed is down' });
    const created = await client.post('/v1/sources', {
      slug: 'flaky-feed',
      name: 'Flaky feed',
      type: 'feed',
      url: `${site.origin}/feed.xml`,
      pollIntervalSeconds: 1,
      minIntervalSeconds: 1,
      maxIntervalSeconds: 2,
    });
    expect(created.status).toBe(201);
    const ingested = await client.post('/v1/ingest', { url: `${site.origin}/gone` });
    expect(ingested.status).toBe(202);
    const articleId = ingested.body.id as string;

    const o = await overviewWhere(
      (read) =>
        present(read.sources).some((s) => s.slug === 'flaky-feed' && s.consecutiveFailures >= 1) &&
        present(read.failures).articles.some((a) => a.id === articleId) &&
        queue(read, 'ingest').failed >= 1,
    );
    const sources = present(o.sources);
    const feed = sources.find((s) => s.slug === 'flaky-feed');
    expect(['failing', 'unhealthy']).toContain(feed?.status);
    expect(feed).toMatchObject({
      type: 'feed',
      active: true,
      lastError: expect.stringMatching(/500/),
      lastSuccessAt: null,
      nextPollAt: expect.any(String),
    });
    // Worst first.
    expect(sources[0].slug).toBe('flaky-feed');
    const failures = present(o.failures);
    expect(failures.articles.find((a) => a.id === articleId)).toMatchObject({ source: 'web', failureReason: expect.stringMatching(/404/) });
    expect(failures.rawItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'web', origin: 'scrape', articleId, error: expect.stringMatching(/404/) }),
      ]),
    );
  });

  it('counts deliveries per subscription', async () => {
    const created = await client.post('/v1/subscriptions', { url: `${site.origin}/hooks`, name: 'dashboard subscriber' });
    expect(created.status).toBe(201);
    const o = await overviewWhere((read) => present(read.deliveries).subscriptions.some((s) => s.id === created.body.id));
    const deliveries = present(o.deliveries);
    expect(deliveries.windowSeconds).toBe(24 * 3600);
    expect(deliveries.subscriptions.find((s) => s.id === created.body.id)).toEqual({
      id: created.body.id,
      name: 'dashboard subscriber',
      url: `${site.origin}/hooks`,
      status: 'active',
      disabledReason: null,
      pending: 0,
      delivered: 0,
      failed: 0,
      dead: 0,
    });
  });

  describe('queue controls', () => {
    it('pauses and resumes a queue', async () => {
      const paused = await asAdmin('/admin/api/queues/enrichment/pause', 'POST');
      expect(paused.status).toBe(200);
      expect(paused.json()).toEqual({ queue: 'enrichment', paused: true });
      expect(queue(await overview(), 'enrichment').paused).toBe(true);

      // From a browser (Basic auth), a change needs the header only the dashboard's own script can send.
      const forged = await call('/admin/api/queues/enrichment/resume', { method: 'POST', authorization: basic('admin', ADMIN_KEY) });
      expect(forged.status).toBe(403);
      expect(queue(await overview(), 'enrichment').paused).toBe(true);

      const resumed = await call('/admin/api/queues/enrichment/resume', {
        method: 'POST',
        authorization: basic('admin', ADMIN_KEY),
        headers: { 'x-copydesk-admin': '1' },
      });
      expect(resumed.status).toBe(200);
      expect(resumed.json()).toEqual({ queue: 'enrichment', paused: false });
      expect(queue(await overview(), 'enrichment').paused).toBe(false);
    });

    it('retries the failed jobs of a queue', async () => {
      // The scrape of the missing page (above) failed for good.
      await overviewWhere((o) => queue(o, 'ingest').failed >= 1);
      const fetches = (): number => site.requests.filter((r) => r.path === '/gone').length;
      const before = fetches();
      const retried = await asAdmin('/admin/api/queues/ingest/retry-failed', 'POST');
      expect(retried.status).toBe(200);
      expect(retried.json()).toMatchObject({ queue: 'ingest', retried: expect.any(Number) });
      expect(retried.json<{ retried: number }>().retried).toBeGreaterThanOrEqual(1);
      // The job ran again: the worker asked for the page once more.
      await waitFor(async () => fetches() > before, { timeoutMs: 60_000, describe: () => apps[1].output().slice(-2000) });
    });

    it('answers an unknown queue with 404', async () => {
      const answer = await asAdmin('/admin/api/queues/no-such-queue/pause', 'POST');
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json<{ detail: string }>().detail).toMatch(/no-such-queue/);
    });
  });
});
