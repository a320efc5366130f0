import { type ApiStack, startApiStack } from './support/api-stack';
import { waitFor } from './support/processes';

jest.setTimeout(300_000);

interface Article {
  id: string;
  status: string;
  title: string;
  sourceId: string;
  enrichment: { topics?: Array<{ qcode: string; ancestors: Array<{ qcode: string }> }> } | null;
}

/** What a CMS developer relies on: ETags, ninjs, stats, jobs, search with snippets, stable pages. */
describe('API conventions', () => {
  let stack: ApiStack;
  let published: Article;
  let pushJobId: string;

  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${stack.adminKey}`, ...headers } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  beforeAll(async () => {
    stack = await startApiStack('conventions', {}, ['ingest-worker', 'enrichment-worker', 'publish-worker']);
    const pushed = await stack.client.post('/v1/articles', {
      title: 'Parliament votes on the election date',
      body: '<p>Members of parliament voted on Tuesday to hold the general election in May, after a long debate about the campaign and the ballot.</p><p>The opposition said the vote was rushed.</p>',
      externalId: 'conventions-1',
      language: 'en',
    });
    expect(pushed.status).toBe(202);
    pushJobId = pushed.body.jobId as string;
    published = await waitFor(
      async () => {
        const read = await stack.client.get<Article>(`/v1/articles/${pushed.body.id as string}`);
        return read.body.status === 'published' ? read.body : null;
      },
      { timeoutMs: 120_000, describe: stack.logs },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('tags single resources with an ETag and answers If-None-Match with 304, until the resource changes', async () => {
    const first = await raw(`/v1/articles/${published.id}`);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await raw(`/v1/articles/${published.id}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await raw(`/v1/articles/${published.id}`, { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await raw(`/v1/articles/${published.id}`, { 'if-none-match': '"something-else"' })).status).toBe(200);
    for (const path of ['/v1/sources/cms', `/v1/jobs/${pushJobId}`]) {
      const tagged = await raw(path);
      expect([path, (await raw(path, { 'if-none-match': tagged.headers.get('etag') as string })).status]).toEqual([path, 304]);
    }
    const source = await raw('/v1/sources/cms');
    expect((await stack.client.request('PATCH', '/v1/sources/cms', { name: 'CMS (renamed)' })).status).toBe(200);
    const changed = await raw('/v1/sources/cms', { 'if-none-match': source.headers.get('etag') as string });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(source.headers.get('etag'));
  });

  it('answers the article as ninjs 3.1 by format=ninjs or Accept', async () => {
    for (const [path, headers] of [
      [`/v1/articles/${published.id}?format=ninjs`, {}],
      [`/v1/articles/${published.id}`, { accept: 'application/ninjs+json' }],
    ] as const) {
      const answer = await raw(path, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/ninjs\+json/);
      expect(answer.headers.get('vary')).toMatch(/Accept/i);
      const ninjs = JSON.parse(answer.text) as Record<string, unknown>;
      expect(ninjs).toMatchObject({
        type: 'text',
        version: '1',
        pubStatus: 'usable',
        language: 'en',
        headlines: [{ role: 'main', value: published.title }],
        standard: { name: 'ninjs', version: '3.1' },
      });
      expect(String(ninjs.uri)).toMatch(new RegExp(`/v1/articles/${published.id}$`));
    }
    // The native answer and the ninjs one have different tags.
    const native = await raw(`/v1/articles/${published.id}`);
    const ninjs = await raw(`/v1/articles/${published.id}?format=ninjs`);
    expect(native.headers.get('etag')).not.toBe(ninjs.headers.get('etag'));
    expect((await raw(`/v1/articles/${published.id}?format=nitf`)).status).toBe(422);
  });

  it('searches with snippets and finds articles by a broader topic', async () => {
    const search = await stack.client.get<{ items: Array<{ id: string; rank: number; highlight: string }> }>(
      '/v1/articles?q=election%20ballot',
    );
    expect(search.body.items[0]).toMatchObject({ id: published.id });
    expect(search.body.items[0].rank).toBeGreaterThan(0);
    expect(search.body.items[0].highlight).toMatch(/<mark>election<\/mark>|<mark>ballot<\/mark>/);
    const topic = published.enrichment?.topics?.[0];
    expect(topic).toBeDefined();
    const broader = topic?.ancestors[0]?.qcode ?? topic?.qcode;
    const byTopic = await stack.client.get<{ items: Array<{ id: string }> }>(`/v1/articles?topic=${broader}`);
    expect(byTopic.body.items.map((a) => a.id)).toContain(published.id);
  });

  it('reports a job the API queued, and counts inputs and articles per source and stage', async () => {
    const job = await stack.client.get(`/v1/jobs/${pushJobId}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({
      id: pushJobId,
      queue: 'ingest',
      name: 'ingest.process-raw-item',
      state: 'completed',
      articleId: published.id,
    });
    expect((await stack.client.get('/v1/jobs/raw.00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stack.client.get('/v1/jobs/not%20a%20job')).status).toBe(400);

    const stats = await stack.client.get<{
      articles: Record<string, number>;
      inputs: Record<string, number>;
      sources: Array<{ slug: string; articles: Record<string, number> }>;
    }>('/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.inputs.api).toBeGreaterThanOrEqual(1);
    expect(stats.body.articles.published).toBeGreaterThanOrEqual(1);
    expect(stats.body.sources.find((s) => s.slug === 'cms')?.articles.published).toBeGreaterThanOrEqual(1);
    const empty = await stack.client.get<{ articles: Record<string, number> }>(
      '/v1/stats?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z',
    );
    expect(empty.body.articles).toEqual({});
    expect((await stack.client.get('/v1/stats?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(422);
  });

  it('pages through the archive without repeating or skipping an article while new ones arrive', async () => {
    const source = await stack.client.post('/v1/sources', { slug: 'paged', name: 'Paged', type: 'push' });
    expect(source.status).toBe(201);
    const push = (n: number, prefix: string) =>
      stack.client.post('/v1/articles', { title: `${prefix} ${n}`, body: 'Copy.', externalId: `${prefix}-${n}`, source: 'paged' });
    const before = await Promise.all(Array.from({ length: 40 }, (_, n) => push(n, 'before')));
    const existing = new Set(before.map((answer) => answer.body.id as string));

    const seen: string[] = [];
    let cursor: string | null = null;
    let arriving = 0;
    do {
      const query: string = `/v1/articles?source=paged&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      // New articles arrive between every two pages.
      const [page] = await Promise.all([
        stack.client.get<{ items: Array<{ id: string }>; nextCursor: string | null }>(query),
        push(arriving++, 'during'),
        push(arriving++, 'during'),
      ]);
      seen.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...existing].filter((id) => !seen.includes(id))).toEqual([]);
  });
});
