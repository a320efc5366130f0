import type { QueueName } from '@copydesk/contracts';
import { verify } from '@copydesk/signing';
import { createHash, randomBytes } from 'node:crypto';
import type { Overview, QueueFigures } from '../apps/api/src/admin/overview/overview.types';
import type { ApiClient } from './support/api-client';
import { withDatabase } from './support/database';
import { ADMIN_KEY, e2eSetup } from './support/e2e-setup';
import type { IsolatedEnvironment } from './support/isolated-environment';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';
import { type SiteServer, startSite } from './support/site-server';
import { type SubscriberServer, startSubscriber } from './support/subscriber-server';

const READ_KEY = 'test-read-key-dashboard-0123456789';
const INGEST_KEY = 'test-ingest-key-dashboard-0123456789';
const ALERT_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

interface Answer {
  status: number;
  cookies: string[];
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

/** The admin dashboard: who may see it, what the page is made of, and whether the figures follow the pipeline. */
describe('admin dashboard', () => {
  let environment: IsolatedEnvironment;
  let apps: RunningApp[] = [];
  let client: ApiClient;
  let site: SiteServer;
  let alerts: SubscriberServer;

  const call = async (
    path: string,
    init: { method?: string; authorization?: string; headers?: Record<string, string>; form?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const response = await fetch(`${client.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(init.authorization ? { authorization: init.authorization } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      cookies: response.headers.getSetCookie(),
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  };
  /** Signs in through the login form; answers the session cookie and the page's CSRF token. */
  const signIn = async (key: string): Promise<{ cookie: string; csrf: string }> => {
    const login = await call('/admin/login', { method: 'POST', form: { key, next: '/admin' } });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin');
    const cookie = login.cookies[0].split(';')[0];
    const home = await call('/admin', { headers: { cookie } });
    expect(home.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1];
    if (!csrf) throw new Error('no CSRF token on the page');
    return { cookie, csrf };
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
    site = await startSite();
    alerts = await startSubscriber();
    const setup = await e2eSetup('admin', {
      FETCH_ALLOW_LOOPBACK: 'true',
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FEED_MIN_INTERVAL_SECONDS: '1',
      ALERT_WEBHOOK_URL: alerts.url,
      ALERT_WEBHOOK_SECRET: ALERT_SECRET,
      ALERT_CHECK_INTERVAL_SECONDS: '1',
    });
    ({ environment, client } = setup);
    // No enrichment worker on purpose: what the ingest worker hands on waits in the enrichment queue, visibly.
    apps = [startApp('api', setup.env), startApp('ingest-worker', setup.env)];
    await withDatabase(
      (db) =>
        db.query(
          `INSERT INTO api_keys (name, key_hash, key_prefix, scopes) VALUES ('dashboard reader', $1, $2, '{read}'), ('cms push', $3, $4, '{ingest}')`,
          [
            createHash('sha256').update(READ_KEY).digest('hex'),
            READ_KEY.slice(0, 8),
            createHash('sha256').update(INGEST_KEY).digest('hex'),
            INGEST_KEY.slice(0, 8),
          ],
        ),
      environment.databaseUrl,
    );
    await waitForHealthy(client.baseUrl, apps[0]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await site?.close();
    await alerts?.close();
  });

  describe('access', () => {
    it.each([
      ['no credentials', undefined],
      ['a wrong bearer key', 'Bearer not-the-admin-key-000000'],
      ['another scheme', 'Basic YWRtaW46eA=='],
    ])('answers the JSON API 401 problem+json for %s', async (_, authorization) => {
      const answer = await call('/admin/api/overview', { authorization });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    });

    it('sends a browser without a session to the login page, and keeps where it was going', async () => {
      const answer = await call('/admin/articles?q=ferry');
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Farticles%3Fq%3Dferry');
      const login = await call('/admin/login?next=%2Fadmin%2Farticles');
      expect(login.status).toBe(200);
      expect(login.text).toContain('name="next" value="/admin/articles"');
      // Never onwards to another site.
      expect((await call('/admin/login?next=%2F%2Fevil.example')).text).toContain('name="next" value="/admin"');
    });

    it('signs in with a key, in an HttpOnly SameSite=Strict cookie, and refuses wrong and ingest keys', async () => {
      const wrong = await call('/admin/login', { method: 'POST', form: { key: 'not-a-key-at-all-000000' } });
      expect(wrong.status).toBe(401);
      expect(wrong.cookies).toEqual([]);
      expect(wrong.text).toContain('not valid');
      const ingest = await call('/admin/login', { method: 'POST', form: { key: INGEST_KEY } });
      expect(ingest.status).toBe(403);
      expect(ingest.cookies).toEqual([]);
      const ok = await call('/admin/login', { method: 'POST', form: { key: ADMIN_KEY, next: '/admin/jobs' } });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/admin/jobs');
      expect(ok.cookies[0]).toMatch(/^copydesk_admin=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    });

    it('lets a read key see but not act, by session and by bearer key', async () => {
      const reader = await signIn(READ_KEY);
      expect((await call('/admin/api/overview', { headers: { cookie: reader.cookie } })).status).toBe(200);
      const refused = await call('/admin/queues/ingest/pause', {
        method: 'POST',
        headers: { cookie: reader.cookie },
        form: { _csrf: reader.csrf },
      });
      expect(refused.status).toBe(403);
      expect(refused.text).toMatch(/read scope cannot change anything/);
      expect((await call('/admin/api/overview', { authorization: `Bearer ${READ_KEY}` })).status).toBe(200);
      const bearer = await call('/admin/api/queues/ingest/pause', { method: 'POST', authorization: `Bearer ${READ_KEY}` });
      expect(bearer.status).toBe(403);
      expect(bearer.json()).toMatchObject({ status: 403, code: 'forbidden' });
      expect(queue(await overview(), 'ingest').paused).toBe(false);
    });

    it("needs the session's CSRF token and this origin for every change, and ends the session at logout", async () => {
      const admin = await signIn(ADMIN_KEY);
      const headers = { cookie: admin.cookie };
      for (const form of [{}, { _csrf: 'forged-token-0000000000000000' }] as Array<Record<string, string>>) {
        const forged = await call('/admin/queues/poll/pause', { method: 'POST', headers, form });
        expect(forged.status).toBe(403);
        expect(forged.text).toMatch(/CSRF/);
      }
      const elsewhere = await call('/admin/queues/poll/pause', {
        method: 'POST',
        headers: { ...headers, origin: 'https://evil.example' },
        form: { _csrf: admin.csrf },
      });
      expect(elsewhere.status).toBe(403);
      expect(queue(await overview(), 'poll').paused).toBe(false);

      const paused = await call('/admin/queues/poll/pause', { method: 'POST', headers, form: { _csrf: admin.csrf } });
      expect(paused.status).toBe(303);
      expect(queue(await overview(), 'poll').paused).toBe(true);
      const page = await call('/admin', { headers });
      expect(page.text).toContain('Queue poll paused.');
      // htmx sends the token as a header.
      const resumed = await call('/admin/queues/poll/resume', { method: 'POST', headers: { ...headers, 'x-csrf-token': admin.csrf } });
      expect(resumed.status).toBe(303);
      expect(queue(await overview(), 'poll').paused).toBe(false);

      const logout = await call('/admin/logout', { method: 'POST', headers, form: { _csrf: admin.csrf } });
      expect(logout.status).toBe(303);
      expect(logout.headers.get('location')).toBe('/admin/login?signed-out=1');
      expect(logout.cookies.join('\n')).toMatch(/copydesk_admin=; .*Max-Age=0/);
      const after = await call('/admin', { headers });
      expect(after.status).toBe(303);
      expect(after.headers.get('location')).toMatch(/^\/admin\/login/);
    });
  });

  it('serves pages that load nothing from elsewhere and run no inline script', async () => {
    const admin = await signIn(ADMIN_KEY);
    for (const path of ['/admin', '/admin/login']) {
      const page = await call(path, { headers: { cookie: admin.cookie } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toMatch(/^<!doctype html>/i);
      expect(page.text).not.toMatch(/https?:\/\//i);
      for (const [, ref] of page.text.matchAll(/\b(?:href|src|action)\s*=\s*"([^"]*)"/gi)) expect(ref).toMatch(/^(\/[^/]|data:|#)/);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/i);
      expect(page.text).not.toMatch(/\sstyle=|<style/i);
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'self'.*style-src 'self'/);
    }
    for (const asset of ['admin.css', 'admin.js', 'htmx.min.js']) {
      const file = await call(`/admin/assets/${asset}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await call('/admin/assets/..%2Fadmin.module.ts')).status).toBe(404);
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
      'withheld',
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

  it('raises an alert for the unhealthy feed, on the overview and as a signed ops.alert webhook', async () => {
    const o = await overviewWhere((read) => read.alerts.some((a) => a.rule === 'source-unhealthy'));
    const alert = o.alerts.find((a) => a.rule === 'source-unhealthy');
    expect(alert).toMatchObject({ severity: 'warning', subject: { kind: 'source', name: 'flaky-feed' }, value: expect.any(Number) });
    const received = await waitFor(async () => alerts.received.find((r) => r.body.includes('source-unhealthy')), {
      timeoutMs: 60_000,
      describe: () => apps[0].output().slice(-2000),
    });
    // Signed like every delivery: the receiver verifies it with the configured secret.
    expect(() => verify({ headers: received.headers, body: received.body, secrets: [ALERT_SECRET] })).not.toThrow();
    const event = JSON.parse(received.body) as { type: string; data: Record<string, unknown> };
    expect(event.type).toBe('ops.alert');
    expect(event.data).toMatchObject({ rule: 'source-unhealthy', status: 'firing', key: alert?.key, since: expect.any(String) });
    // Announced once, however many checks run while it lasts.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(alerts.received.filter((r) => r.body.includes('"status":"firing"') && r.body.includes(alert?.key ?? '?'))).toHaveLength(1);
    const page = await call('/admin', { authorization: `Bearer ${ADMIN_KEY}` });
    expect(page.text).toContain('Source flaky-feed is unhealthy');
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

      const resumed = await asAdmin('/admin/api/queues/enrichment/resume', 'POST');
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
