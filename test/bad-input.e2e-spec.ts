import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bombFixture,
  deeplyNestedPage,
  deeplyNestedRss,
  doubleGzipBomb,
  gzipBomb,
  hugeFeed,
  hugePageStream,
  quadraticBlowup,
} from './support/hostile-inputs';
import { newsPage, storyParagraphs } from './support/pages';
import { waitFor } from './support/processes';
import { type PublishStack, startPublishStack } from './support/publish-stack';
import { type SiteServer, startSite } from './support/site-server';

jest.setTimeout(240_000);

const FEED_MAX_ITEMS = 20;
/** Every hostile input is dealt with (refused, cut, or read) within this, from the first poll. */
const BOUNDED_MS = 30_000;
/**
 * An article read from such input reaches its final state (published or failed) within this: the way there runs through
 * the queues and every worker, which on a loaded two-core machine takes longer than the bound on the fetch itself.
 */
const SETTLED_MS = 90_000;

interface SourceHealth {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

/** The peak resident memory of a process (Linux), in MiB. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Hostile and oversized input on the fetch side, through the real processes: feeds and pages served from 127.0.0.1
 * that are decompression bombs, entity bombs, external entities, 20,000-deep nesting, 100,000 items, 50 MB, or that
 * carry NUL characters. Each is refused with a clear error or read within bounds, in bounded time and memory, and
 * the workers go on with the next article.
 */
describe('bad input on the fetch side is refused or bounded', () => {
  let stack: PublishStack;
  let site: SiteServer;
  let tripwire: Server;
  let tripwireHits = 0;

  beforeAll(async () => {
    site = await startSite();
    // Stands in for an internal service an external DTD might point at: nothing may ever connect to it.
    tripwire = createServer((_req, res) => {
      tripwireHits++;
      res.end();
    });
    tripwire.on('connection', () => tripwireHits++);
    await new Promise<void>((resolve) => tripwire.listen(0, '127.0.0.1', resolve));
    stack = await startPublishStack('badinput', ['ingest-worker', 'enrichment-worker', 'publish-worker'], {
      FETCH_PER_HOST_MIN_INTERVAL_MS: '0',
      FETCH_PER_HOST_CONCURRENCY: '8',
      FEED_MAX_ITEMS: String(FEED_MAX_ITEMS),
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await site?.close();
    await new Promise<void>((resolve) => (tripwire ? tripwire.close(() => resolve()) : resolve()));
  });

  /** A feed source on `path`, polled once at creation; resolves with its health after that poll, and how long it took. */
  async function pollOnce(slug: string, path: string): Promise<{ id: string; health: SourceHealth; ms: number }> {
    const started = Date.now();
    const created = await stack.client.post('/v1/sources', {
      slug,
      name: slug,
      type: 'feed',
      url: `${site.origin}${path}`,
      pollIntervalSeconds: 3600,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const health = await waitFor(
      async () => {
        const read = (await stack.client.get<{ health: SourceHealth }>(`/v1/sources/${id}`)).body.health;
        return read.lastPolledAt ? read : null;
      },
      { timeoutMs: BOUNDED_MS, describe: stack.logs },
    );
    return { id, health, ms: Date.now() - started };
  }

  /** The article page a feed item links to (items without a full body are read from their page). */
  const servePage = (path: string, title: string): void =>
    site.route(path, {
      body: newsPage(
        { title, author: 'Ana Ruiz', published: '2026-11-24T08:00:00Z', paragraphs: storyParagraphs(title, 6) },
        `${site.origin}${path}`,
      ),
    });
  /** A fixture with its example.com links pointed at the test's own site: the network stays on loopback. */
  const onSite = (text: string): string => text.replaceAll('https://example.com', site.origin);

  const articlesOf = (sourceId: string) =>
    stack.sql<{ id: string; title: string | null; body_text: string | null; status: string }>(
      `SELECT id, title, body_text, status FROM articles WHERE source_id = $1`,
      [sourceId],
    );

  it('refuses entity bombs with a clear error', async () => {
    site.route('/billion-laughs.rss', { headers: { 'content-type': 'application/rss+xml' }, body: bombFixture('billion-laughs.rss') });
    site.route('/quadratic.atom', { headers: { 'content-type': 'application/atom+xml' }, body: quadraticBlowup() });
    const [laughs, quadratic] = await Promise.all([
      pollOnce('billion-laughs', '/billion-laughs.rss'),
      pollOnce('quadratic', '/quadratic.atom'),
    ]);
    for (const polled of [laughs, quadratic]) {
      expect(polled.health.lastError).toMatch(/^FEED_ENTITY_REFUSED: /);
      expect(polled.health.lastSuccessAt).toBeNull();
      expect(await articlesOf(polled.id)).toEqual([]);
    }
  });

  it('never resolves external entities or loads an external DTD', async () => {
    site.route('/xxe-file.rss', { headers: { 'content-type': 'application/rss+xml' }, body: onSite(bombFixture('xxe-file.rss')) });
    site.route('/xxe-ssrf.rss', { headers: { 'content-type': 'application/rss+xml' }, body: onSite(bombFixture('xxe-ssrf.rss')) });
    const { port } = tripwire.address() as AddressInfo;
    site.route('/parameter-entity.rss', {
      headers: { 'content-type': 'application/rss+xml' },
      body: onSite(bombFixture('parameter-entity.rss')).replace('http://127.0.0.1:6379/', `http://127.0.0.1:${port}/`),
    });
    servePage('/xxe-1', 'Local file story');
    servePage('/xxe-2', 'Metadata story');
    servePage('/pe-1', 'Parameter entity story');
    const polled = await Promise.all([
      pollOnce('xxe-file', '/xxe-file.rss'),
      pollOnce('xxe-ssrf', '/xxe-ssrf.rss'),
      pollOnce('parameter-entity', '/parameter-entity.rss'),
    ]);
    for (const { id, health } of polled) {
      expect(health.lastError).toBeNull();
      const articles = await waitFor(
        async () => {
          const rows = await articlesOf(id);
          return rows.length === 1 && rows[0].status === 'published' ? rows : null;
        },
        { timeoutMs: SETTLED_MS, describe: stack.logs },
      );
      expect(`${articles[0].title} ${articles[0].body_text}`).not.toMatch(/root:|daemon:|security-credentials|AccessKeyId/);
    }
    expect(tripwireHits).toBe(0);
  });

  it('stops gzip bombs (one layer and two) at the size cap', async () => {
    site.route('/gzip-bomb.rss', { headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, body: gzipBomb(1024) });
    site.route('/gzip-bomb-2.rss', {
      headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip, gzip' },
      body: doubleGzipBomb(1024),
    });
    const polled = await Promise.all([pollOnce('gzip-bomb', '/gzip-bomb.rss'), pollOnce('gzip-bomb-2', '/gzip-bomb-2.rss')]);
    for (const { health, ms } of polled) {
      expect(health.lastError).toMatch(/^too-large: body after gzip exceeds \d+ bytes/);
      expect(ms).toBeLessThan(BOUNDED_MS);
    }
  });

  it('reads a 20,000-deep feed and a 20,000-deep page without overflowing a stack', async () => {
    site.route('/deep.rss', { headers: { 'content-type': 'application/rss+xml' }, body: onSite(deeplyNestedRss()) });
    servePage('/deep-1', 'Deep item');
    site.route('/deep-page', { body: deeplyNestedPage() });
    const { id, health } = await pollOnce('deep-nesting', '/deep.rss');
    expect(health.lastError).toBeNull();
    await waitFor(async () => (await articlesOf(id)).some((row) => row.status === 'published'), {
      timeoutMs: SETTLED_MS,
      describe: stack.logs,
    });

    const pushed = await stack.client.post('/v1/ingest', { url: `${site.origin}/deep-page` });
    expect(pushed.status).toBe(202);
    const page = await waitFor(
      async () => {
        const read = (await stack.client.get(`/v1/articles/${pushed.body.id as string}`)).body;
        return read.status === 'published' || read.status === 'failed' ? read : null;
      },
      { timeoutMs: SETTLED_MS, describe: stack.logs },
    );
    expect(page).toMatchObject({ status: 'published', title: 'Deep page' });
  });

  it(`reads the first ${FEED_MAX_ITEMS} items of a 100,000-item feed, quickly`, async () => {
    site.route('/huge.rss', { headers: { 'content-type': 'application/rss+xml' }, body: hugeFeed(100_000, site.origin) });
    for (let i = 0; i < FEED_MAX_ITEMS; i++) servePage(`/huge/${i}`, `Item ${i} of the long feed`);
    const { id, health, ms } = await pollOnce('huge-feed', '/huge.rss');
    expect(health.lastError).toBeNull();
    expect(ms).toBeLessThan(BOUNDED_MS);
    const [document] = await stack.sql<{ metadata: { items: number; itemsInDocument: number } }>(
      `SELECT metadata FROM raw_items WHERE source_id = $1 AND metadata->>'kind' = 'feed-document'`,
      [id],
    );
    // Items past the cap are counted, not read; the XML reader itself stops at its element budget (250,000).
    expect(document.metadata.items).toBe(FEED_MAX_ITEMS);
    expect(document.metadata.itemsInDocument).toBeGreaterThan(50_000);
    expect(await articlesOf(id)).toHaveLength(FEED_MAX_ITEMS);
  });

  it('refuses a 50 MB page (streamed, no Content-Length) with the reason, and the workers carry on', async () => {
    const huge = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      hugePageStream(50).pipe(res);
    });
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(huge.address() as AddressInfo).port}/huge-page`;
      const pushed = await stack.client.post('/v1/ingest', { url });
      expect(pushed.status).toBe(202);
      const failed = await waitFor(
        async () => {
          const read = (await stack.client.get(`/v1/articles/${pushed.body.id as string}`)).body;
          return read.status === 'failed' ? read : null;
        },
        { timeoutMs: SETTLED_MS, describe: stack.logs },
      );
      expect(failed.failureReason).toMatch(/too-large: raw body exceeds \d+ bytes/);
    } finally {
      huge.closeAllConnections();
      await new Promise<void>((resolve) => huge.close(() => resolve()));
    }
  });

  it('strips NUL characters from fetched pages and feeds, so they are stored and published', async () => {
    site.route('/nul.json', {
      headers: { 'content-type': 'application/feed+json' },
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'NUL feed',
        items: [
          {
            id: 'nul-\u0000-1',
            url: `${site.origin}/nul/1`,
            title: 'Harbour\u0000 reopens',
            // A full body (not a teaser): the item is the article, NULs and all.
            content_html: storyParagraphs('the harbour\u0000', 4)
              .map((p) => `<p>${p}</p>`)
              .join(''),
          },
        ],
      }),
    });
    site.route('/nul-page', {
      body: `<!doctype html><html><head><title>Bridge\u0000 works</title></head><body><article><h1>Bridge\u0000 works</h1>${Array.from(
        { length: 5 },
        (_, i) => `<p>Paragraph ${i + 1}: the bridge\u0000 works continue through the winter, the engineer said on Tuesday evening.</p>`,
      ).join('')}</article></body></html>`,
    });
    const { id, health } = await pollOnce('nul-feed', '/nul.json');
    expect(health.lastError).toBeNull();
    const [fromFeed] = await waitFor(
      async () => {
        const rows = await articlesOf(id);
        return rows.length === 1 && rows[0].status === 'published' ? rows : null;
      },
      { timeoutMs: SETTLED_MS, describe: stack.logs },
    );
    expect(fromFeed.title).toBe('Harbour reopens');

    const pushed = await stack.client.post('/v1/ingest', { url: `${site.origin}/nul-page` });
    const page = await waitFor(
      async () => {
        const read = (await stack.client.get(`/v1/articles/${pushed.body.id as string}`)).body;
        return read.status === 'published' || read.status === 'failed' ? read : null;
      },
      { timeoutMs: SETTLED_MS, describe: stack.logs },
    );
    expect(page).toMatchObject({ status: 'published', title: 'Bridge works' });
    expect(JSON.stringify(page)).not.toContain('\\u0000');
  });

  it('kept the ingest worker alive and within its memory bound throughout', () => {
    const worker = stack.apps.find((app) => app.name === 'ingest-worker');
    expect(worker?.child.exitCode).toBeNull();
    const peak = peakRssMiB(worker?.child.pid as number);
    console.log(`[bad-input] ingest worker peak RSS ${Math.round(peak)} MiB`);
    expect(peak).toBeLessThan(1024);
  });
});
