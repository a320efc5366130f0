import type { ApiClient } from './support/api-client';
import { ADMIN_KEY, e2eSetup } from './support/e2e-setup';
import { storyParagraphs } from './support/pages';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

/** Normalization, duplicates, revisions and kills, through the running pipeline. */
describe('normalization, duplicates, revisions and kills', () => {
  let apps: RunningApp[] = [];
  let client: ApiClient;

  const body = (topic: string, extra = ''): string =>
    storyParagraphs(topic, 5)
      .map((p) => `<p>${p}</p>`)
      .join('') + extra;
  const push = async (article: Record<string, unknown>): Promise<string> => {
    const response = await client.post('/v1/articles', article);
    expect(response.status).toBe(202);
    return response.body.id as string;
  };
  const until = (id: string, ready: (a: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> =>
    waitFor(
      async () => {
        const read = (await client.get(`/v1/articles/${id}`)).body;
        return ready(read) ? read : null;
      },
      { timeoutMs: 60_000, describe: () => apps.map((a) => a.output().slice(-1500)).join('\n') },
    );
  const published = (id: string, revision = 1) => until(id, (a) => a.status === 'published' && a.revision === revision);

  beforeAll(async () => {
    const setup = await e2eSetup('relations');
    apps = [
      startApp('api', setup.env),
      ...(['ingest-worker', 'enrichment-worker', 'publish-worker'] as const).map((name) => startApp(name, setup.env)),
    ];
    client = setup.client;
    await waitForHealthy(client.baseUrl, apps[0]);
    const wire = await client.post('/v1/sources', { slug: 'wire', name: 'Agency wire', type: 'push' });
    expect(wire.status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });

  it('labels a syndicated copy and a same-source update, and leaves a distinct story alone', async () => {
    const original = await push({
      title: 'Harbour wall to be rebuilt',
      body: body('the harbour wall'),
      externalId: 'hw-1',
      publishedAt: '2026-11-25T09:00:00Z',
    });
    await published(original);
    const copy = await push({
      source: 'wire',
      title: 'Town to rebuild its old harbour wall',
      body: `<p>HARBOURTOWN (Wire) -</p>${body('the harbour wall')}`,
      externalId: 'w-77',
      publishedAt: '2026-11-25T11:00:00Z',
    });
    const update = await push({
      title: 'Harbour wall to be rebuilt',
      body: body('the harbour wall', '<p>Work starts in March.</p>'),
      externalId: 'hw-1-live',
      publishedAt: '2026-11-25T12:00:00Z',
    });
    const distinct = await push({
      title: 'School choir wins award',
      body: [
        'The junior choir of St Anne primary school won first prize at the regional music festival on Saturday.',
        'Thirty pupils aged eight to eleven sang two folk songs and a hymn arranged by their teacher, Mrs Okafor.',
        'The judges praised the clear diction and the confident soloist, a ten-year-old who joined only in September.',
        'The choir will perform at the cathedral carol service next month and hopes to record an album in spring.',
      ]
        .map((p) => `<p>${p}</p>`)
        .join(''),
      externalId: 'choir-1',
      publishedAt: '2026-11-25T12:30:00Z',
    });
    await Promise.all([published(copy), published(update), published(distinct)]);

    const duplicates = (
      await client.get<{ items: Array<{ id: string; label: string; similarity: number }> }>(`/v1/articles/${original}/duplicates`)
    ).body.items;
    const byId = new Map(duplicates.map((d) => [d.id, d]));
    expect(byId.get(copy)).toMatchObject({ label: 'syndicated-copy' });
    expect(byId.get(copy)?.similarity).toBeGreaterThan(0.7);
    expect(byId.get(update)).toMatchObject({ label: 'same-article-update' });
    expect(byId.has(distinct)).toBe(false);
    const fromCopy = (await client.get<{ items: Array<{ id: string; label: string }> }>(`/v1/articles/${copy}/duplicates`)).body.items;
    expect(fromCopy.map((d) => d.id)).toContain(original);

    // The story's cluster holds the original and its copies, under one stable id; the choir is a story of its own.
    const cluster = await waitFor(
      async () => {
        const read = await client.get<{ id: string; articles: Array<{ id: string }> }>(`/v1/articles/${original}/cluster`);
        return read.status === 200 && read.body.articles.length === 3 ? read.body : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(cluster.articles.map((a) => a.id).sort()).toEqual([original, copy, update].sort());
    expect((await client.get<{ id: string }>(`/v1/articles/${copy}/cluster`)).body.id).toBe(cluster.id);
    expect((await client.get<{ id: string }>(`/v1/clusters/${cluster.id}`)).body.id).toBe(cluster.id);
    expect((await client.get(`/v1/articles/${distinct}/cluster`)).status).toBe(404);
  });

  it('links a light edit of a short story, but not another short story sharing its template', async () => {
    // Three sentences, two of them the source's template: the unrelated pair shares half its shingles.
    const template =
      '<p>Anyone who saw what happened or who has any information is asked to call the police station on 0123 456 789 or to report it online.</p>' +
      '<p>This is a developing story and it will be updated here as soon as more details become available from the police or the council.</p>';
    const burglary = (deed: string) => `<p>A man was arrested after ${deed} on Mill Road on Tuesday.</p>${template}`;
    const original = await push({ title: 'Man arrested after break-in on Mill Road', body: burglary('a break-in'), externalId: 'short-1' });
    await published(original);
    const edited = await push({ title: 'Man arrested after break-in on Mill Road', body: burglary('a burglary'), externalId: 'short-2' });
    const other = await push({
      title: 'Woman hurt in crash on the coast road',
      body: `<p>A woman was hurt when her car hit a wall on the coast road.</p>${template}`,
      externalId: 'short-3',
    });
    await Promise.all([published(edited), published(other)]);
    const related = (
      await client.get<{ items: Array<{ id: string; label: string }> }>(`/v1/articles/${original}/duplicates`)
    ).body.items.map((d) => d.id);
    expect(related).toContain(edited);
    expect(related).not.toContain(other);
  });

  it('keeps revisions with diffs; contentChangedAt moves only when the words change', async () => {
    const url = 'https://news.example.com/2026/ferry-timetable';
    const id = await push({
      title: 'Ferry timetable changes',
      body: '<p>The first ferry now leaves at seven.</p>',
      url,
      externalId: 'ferry-tt',
    });
    const first = await published(id);
    // Same words, new markup: a revision, but the words did not change.
    await push({
      title: 'Ferry timetable changes',
      body: '<p>The first ferry now leaves at <strong>seven</strong>.</p>',
      url: `${url}?utm_source=app&fbclid=abc`,
      externalId: 'ferry-tt',
    });
    const markup = await published(id, 2);
    expect(markup.contentChangedAt).toBe(first.contentChangedAt);
    expect(markup.canonicalUrl).toBe(url);
    // A correction: the words change.
    await push({ title: 'Ferry timetable changes', body: '<p>The first ferry now leaves at eight.</p>', url, externalId: 'ferry-tt' });
    const corrected = await published(id, 3);
    expect(Date.parse(corrected.contentChangedAt as string)).toBeGreaterThan(Date.parse(first.contentChangedAt as string));

    const history = (
      await client.get<{
        items: Array<{ revision: number; changedFields: string[]; diff: { added: number; removed: number; patch: string } | null }>;
      }>(`/v1/articles/${id}/revisions`)
    ).body.items;
    expect(history.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(history[1].changedFields).toEqual(['bodyHtml']);
    expect(history[2].diff).toMatchObject({ added: 1, removed: 1 });
    expect(history[2].diff?.patch).toMatch(/-.*seven[\s\S]*\+.*eight/);
  });

  it('sanitizes pushed HTML against script injection', async () => {
    const id = await push({
      title: 'Sanitizer check',
      body: '<p onclick="alert(1)">Safe text.</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">link</a><svg><animate onbegin="alert(5)"/></svg><iframe src="https://evil.example/"></iframe>',
    });
    const article = await published(id);
    expect(article.bodyHtml).toContain('Safe text.');
    expect(article.bodyHtml as string).not.toMatch(/alert|onclick|onerror|javascript:|<script|<svg|<iframe/i);
  });

  it('kills an article by editor or by source, and a later input never revives it', async () => {
    const byEditor = await push({ title: 'Wrong figures in report', body: body('the report'), externalId: 'kill-1' });
    await published(byEditor);
    const killed = await client.post(`/v1/articles/${byEditor}/kill`, { reason: 'Legal' });
    expect(killed.status).toBe(200);
    expect(killed.body).toMatchObject({ status: 'killed', killReason: 'Legal' });
    await push({ title: 'Wrong figures in report (updated)', body: body('the report', '<p>More.</p>'), externalId: 'kill-1' });
    // The later input has been read (processed or refused) by the pipeline: only then is "never revived" proven.
    await waitFor(
      async () => {
        const { items } = (await client.get<{ items: Array<{ status: string }> }>(`/v1/articles/${byEditor}/raw-items`)).body;
        return items.length === 2 && items.every((item) => item.status !== 'received');
      },
      { timeoutMs: 60_000, describe: () => apps.map((a) => a.output().slice(-1500)).join('\n') },
    );
    expect((await client.get(`/v1/articles/${byEditor}`)).body).toMatchObject({ status: 'killed', revision: 1 });
    expect((await client.post(`/v1/articles/${byEditor}/kill`, {})).status).toBe(200);

    const bySource = await push({ title: 'Embargoed results', body: body('the results'), externalId: 'kill-2' });
    await published(bySource);
    expect(await push({ externalId: 'kill-2', pubStatus: 'canceled', killReason: 'Withdrawn by the agency' })).toBe(bySource);
    await until(bySource, (a) => a.status === 'killed' && a.killReason === 'Withdrawn by the agency');

    const nothing = await client.post('/v1/articles', { externalId: 'never-existed', pubStatus: 'canceled' });
    expect(nothing.status).toBe(404);
    expect(nothing.contentType).toMatch(/problem\+json/);
  });

  it('lists and searches articles, newest first, page by page', async () => {
    const search = await client.get<{ items: Array<{ id: string; title: string }>; nextCursor: string | null }>(
      '/v1/articles?q=harbour%20wall&limit=1',
    );
    expect(search.status).toBe(200);
    expect(search.body.items).toHaveLength(1);
    expect(search.body.items[0].title).toMatch(/harbour wall/i);
    expect(search.body.items[0]).not.toHaveProperty('bodyHtml');
    const next = await client.get<{ items: Array<{ id: string; title: string }> }>(
      `/v1/articles?q=harbour%20wall&limit=1&cursor=${search.body.nextCursor}`,
    );
    expect(next.body.items[0].id).not.toBe(search.body.items[0].id);
    const none = await client.get<{ items: unknown[] }>('/v1/articles?q=zeppelin');
    expect(none.body.items).toEqual([]);
    expect((await client.get('/v1/articles?source=wire')).body.items).toHaveLength(1);
    expect((await client.get('/v1/articles?colour=blue')).status).toBe(422);
    expect((await client.get('/v1/articles?cursor=nonsense')).status).toBe(422);
  });

  it('keeps every input and replays one from its stored bytes', async () => {
    const id = await push({ title: 'Replayable story', body: '<p>Stored exactly as sent.</p>', externalId: 'replay-1' });
    await published(id);
    const raw = (await client.get<{ items: Array<{ id: string; status: string; origin: string }> }>(`/v1/articles/${id}/raw-items`)).body
      .items;
    expect(raw).toEqual([expect.objectContaining({ status: 'processed', origin: 'api' })]);
    const payload = await fetch(`${client.baseUrl}/v1/raw-items/${raw[0].id}/payload`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(JSON.parse(await payload.text())).toEqual({
      title: 'Replayable story',
      body: '<p>Stored exactly as sent.</p>',
      externalId: 'replay-1',
    });
    const replayed = await client.post(`/v1/raw-items/${raw[0].id}/replay`, {});
    expect(replayed.status).toBe(202);
    await waitFor(async () => (await client.get(`/v1/raw-items/${raw[0].id}`)).body.status === 'processed', { timeoutMs: 60_000 });
    // The same content again: no new revision.
    expect((await client.get(`/v1/articles/${id}`)).body.revision).toBe(1);
  });
});
