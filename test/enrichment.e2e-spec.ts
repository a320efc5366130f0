import { ArticleEventType, JobName, QueueName, jobId } from '@copydesk/contracts';
import {
  ENRICHER_VERSION,
  MEDIA_TOPICS_SCHEME_VERSION,
  TOPIC_ARTICLES,
  type EditedEnrichment,
  type TopicArticle,
} from '@copydesk/enrichment';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { redisOptionsFromUrl } from '@copydesk/queue';
import { Queue } from 'bullmq';
import type { ApiClient } from './support/api-client';
import { withDatabase } from './support/database';
import { e2eSetup } from './support/e2e-setup';
import type { IsolatedEnvironment } from './support/isolated-environment';
import { type RunningApp, startApp, waitFor, waitForHealthy } from './support/processes';

const INGEST_KEY = 'test-ingest-key-enrichment-0123456789';
const READ_KEY = 'test-read-key-enrichment-0123456789';
const ROOT = join(__dirname, '..');

// Processes start in seconds on a quiet machine; a loaded CI box can take much longer.
jest.setTimeout(240_000);

// The enrichment as the API returns it: the one definition, from the library that writes it.
type Enrichment = EditedEnrichment;
interface Article {
  id: string;
  status: string;
  revision: number;
  enricherVersion: string | null;
  enrichment: Enrichment | null;
}

const article = (name: string): TopicArticle => TOPIC_ARTICLES.find((a) => a.name === name) as TopicArticle;
const asHtml = (text: string): string =>
  text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('');

/**
 * Enrichment in the pipeline: results stored with their versions, re-enrichment of one article and in bulk,
 * editors' corrections kept over the machine's and turned into training data, and a model retrained on them.
 */
describe('enrichment in the pipeline', () => {
  let environment: IsolatedEnvironment;
  let env: NodeJS.ProcessEnv;
  let api: RunningApp;
  let enrichmentWorker: RunningApp;
  let otherWorkers: RunningApp[] = [];
  let client: ApiClient;
  let publishQueue: Queue;
  let ingestKeyId: string;
  let measlesId: string;
  let workDir: string;

  const sql = <T = Record<string, unknown>>(text: string, parameters: unknown[] = []): Promise<T[]> =>
    withDatabase(async (db) => (await db.query(text, parameters)).rows as T[], environment.databaseUrl);
  const logs = (): string =>
    [api, enrichmentWorker, ...otherWorkers].map((app) => `--- ${app.name}\n${app.output().slice(-3000)}`).join('\n');
  const read = async (id: string): Promise<Article> => (await client.get<Article>(`/v1/articles/${id}`)).body;
  const published = (id: string, revision = 1): Promise<Article> =>
    waitFor(
      async () => {
        const a = await read(id);
        return a.status === 'published' && a.revision === revision ? a : null;
      },
      { timeoutMs: 90_000, describe: logs },
    );
  const push = async (topicArticle: TopicArticle, externalId: string, source?: string): Promise<string> => {
    const pushed = await client.post('/v1/articles', {
      title: topicArticle.title,
      body: asHtml(topicArticle.bodyText),
      externalId,
      ...(source ? { source } : {}),
    });
    expect(pushed.status).toBe(202);
    return pushed.body.id as string;
  };
  // The enrichment worker's own log line for a job: proof it ran, whatever it decided.
  const enrichedLogged = (correlationId: string, articleId: string): Promise<Record<string, unknown>> =>
    waitFor(
      async () =>
        enrichmentWorker
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line.msg === 'article enriched' && line.correlationId === correlationId && line.articleId === articleId),
      { timeoutMs: 90_000, describe: logs },
    );

  beforeAll(async () => {
    ({ environment, env, client } = await e2eSetup('enrichment', { FETCH_ALLOW_LOOPBACK: 'true', DELIVERY_RETRY_SCHEDULE: '1s,1s,1s' }));
    workDir = mkdtempSync(join(tmpdir(), 'copydesk-enrichment-e2e-'));
    api = startApp('api', env);
    // Info level: the worker's lines prove which jobs ran and with which versions.
    enrichmentWorker = startApp('enrichment-worker', { ...env, LOG_LEVEL: 'info' });
    otherWorkers = [startApp('ingest-worker', env), startApp('publish-worker', env)];
    await waitForHealthy(client.baseUrl, api);
    publishQueue = new Queue(QueueName.Publish, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: environment.queuePrefix,
    });
    const hash = (key: string): string => createHash('sha256').update(key).digest('hex');
    // The desk's key pushes and corrects (ingest + manage); the reader's only reads.
    const keys = await sql<{ id: string; name: string }>(
      `INSERT INTO api_keys (name, key_hash, key_prefix, scopes) VALUES ('desk', $1, 'test-ing', '{ingest,read,manage}'), ('reader', $2, 'test-rea', '{read}') RETURNING id, name`,
      [hash(INGEST_KEY), hash(READ_KEY)],
    );
    ingestKeyId = keys.find((k) => k.name === 'desk')?.id as string;
  });

  afterAll(async () => {
    await Promise.all([api, enrichmentWorker, ...otherWorkers].map((app) => app?.stop()));
    await publishQueue?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('enriches a pushed article and stores the result with the enricher, scheme and topic-model versions', async () => {
    measlesId = await push(article('measles outbreak'), 'enrich-measles');
    const stored = await published(measlesId);
    expect(stored.enricherVersion).toBe(ENRICHER_VERSION);
    expect(stored.enrichment).toMatchObject({
      enricherVersion: ENRICHER_VERSION,
      schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
      topicModelVersion: 'bbc-news-2004-05-v1',
    });
    expect(stored.enrichment?.topics[0]).toMatchObject({ qcode: 'medtop:07000000', label: 'health' });
    const [row] = await sql<{ enricher_version: string; enriched_revision: number }>(
      `SELECT enricher_version, enriched_revision FROM articles WHERE id = $1`,
      [measlesId],
    );
    expect(row).toEqual({ enricher_version: ENRICHER_VERSION, enriched_revision: 1 });
    // The worker says which model it loaded, and logs the versions with every article.
    const boot = enrichmentWorker
      .output()
      .split('\n')
      .find((line) => line.includes('enrichment model loaded')) as string;
    expect(JSON.parse(boot)).toMatchObject({
      enricherVersion: ENRICHER_VERSION,
      schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
      topicModelVersion: 'bbc-news-2004-05-v1',
    });
    // The worker queues the route job before it logs: the article can be published before the line is written.
    const line = await waitFor(
      async () =>
        enrichmentWorker
          .output()
          .split('\n')
          .find((l) => l.includes('"article enriched"') && l.includes(measlesId)),
      { timeoutMs: 60_000, describe: logs },
    );
    expect(JSON.parse(line)).toMatchObject({
      trigger: 'revision',
      enricherVersion: ENRICHER_VERSION,
      schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
    });
  });

  it('refuses unknown articles (404), malformed ids (400), invalid qcodes (422) and read-only keys (403) with problem+json', async () => {
    const nobody = '7f3c2a1e-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['POST', `/v1/articles/${nobody}/enrich`, undefined],
      ['PUT', `/v1/articles/${nobody}/topics`, { topics: ['medtop:07000000'] }],
      ['PUT', `/v1/articles/${nobody}/entities`, { people: ['Helen Marsh'] }],
    ] as const) {
      const response = await client.request(method, path, body);
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, code: 'article-not-found' });
    }
    expect((await client.request('POST', '/v1/articles/not-a-uuid/enrich')).status).toBe(400);

    const invalid = await client.request('PUT', `/v1/articles/${measlesId}/topics`, {
      topics: ['medtop:07000000', 'medtop:99999999', 'health'],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.contentType).toMatch(/^application\/problem\+json/);
    expect(invalid.body).toMatchObject({
      status: 422,
      code: 'unknown-topic',
      schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
      errors: [
        { pointer: '/topics/1', detail: expect.stringContaining('medtop:99999999 is not an IPTC Media Topic') },
        { pointer: '/topics/2', detail: expect.stringContaining('health is not a Media Topic qcode') },
      ],
    });
    for (const body of [{ topics: [] }, { topics: ['medtop:07000000'], confirmed: true }, {}]) {
      const response = await client.request('PUT', `/v1/articles/${measlesId}/topics`, body);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'validation-failed' });
    }
    expect((await client.request('PUT', `/v1/articles/${measlesId}/entities`, {})).body).toMatchObject({
      status: 422,
      code: 'validation-failed',
    });
    const reader = await client.withKey(READ_KEY).request('PUT', `/v1/articles/${measlesId}/topics`, { topics: ['medtop:07000000'] });
    expect(reader.status).toBe(403);
    expect(reader.contentType).toMatch(/^application\/problem\+json/);
    // Nothing was stored by any of these.
    expect(await sql(`SELECT id FROM editorial_corrections`)).toEqual([]);
    const openapi = await client.withKey(null).get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/articles/{id}/enrich',
        '/v1/articles/{id}/topics',
        '/v1/articles/{id}/entities',
        '/v1/enrichment/re-enrich',
        '/v1/enrichment/training-data',
      ]),
    );
  });

  it('keeps an editor’s topics over the machine’s: shown in GET, routed again as an update, kept through re-enrichment and a new revision', async () => {
    const corrected = await client
      .withKey(INGEST_KEY)
      .request('PUT', `/v1/articles/${measlesId}/topics`, { topics: ['medtop:20000448', '05000000'] });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ articleId: measlesId, revision: 1, correctedBy: ingestKeyId, rerouted: true });
    const editorTopics = [
      {
        qcode: 'medtop:20000448',
        label: 'communicable disease',
        confidence: 1,
        source: 'editor',
        ancestors: [
          { qcode: 'medtop:07000000', label: 'health' },
          { qcode: 'medtop:20000446', label: 'disease and condition' },
        ],
      },
      { qcode: 'medtop:05000000', label: 'education', confidence: 1, source: 'editor', ancestors: [] },
    ];
    expect(corrected.body.topics).toEqual(editorTopics);

    const shown = await read(measlesId);
    expect(shown.enrichment?.topics).toEqual(editorTopics);
    expect(shown.enrichment?.editorial?.topics).toMatchObject({ correctedBy: ingestKeyId });
    expect(shown.enrichment?.editorial?.topics?.machineTopics[0]).toMatchObject({ qcode: 'medtop:07000000' });
    const [stored] = await sql<{ kind: string; topics: string[]; api_key_id: string; article_revision: number; scheme_version: string }>(
      `SELECT kind, topics, api_key_id, article_revision, scheme_version FROM editorial_corrections WHERE article_id = $1`,
      [measlesId],
    );
    expect(stored).toEqual({
      kind: 'topics',
      topics: ['medtop:20000448', 'medtop:05000000'],
      api_key_id: ingestKeyId,
      article_revision: 1,
      scheme_version: MEDIA_TOPICS_SCHEME_VERSION,
    });
    // Routed again as an update of the current revision, under a job id of its own (the revision's own route job
    // is kept as completed). What subscribers then receive is the router's decision (libs/pipeline/src/publish).
    const route = await publishQueue.getJob(jobId('route', measlesId, 1, 'correction', corrected.body.correctionId as string));
    expect(route).toMatchObject({
      name: JobName.RouteArticle,
      data: { articleId: measlesId, revision: 1, event: ArticleEventType.Updated },
    });

    // Re-enrichment: the machine runs again, the editor's topics stay.
    const reEnrich = await client.request('POST', `/v1/articles/${measlesId}/enrich`, undefined, {
      'x-correlation-id': 'e2e-re-enrich-measles',
    });
    expect(reEnrich.status).toBe(202);
    expect(reEnrich.body).toEqual({
      articleId: measlesId,
      revision: 1,
      requestId: 'e2e-re-enrich-measles',
      status: 'queued',
      jobId: `re-enrich.${measlesId}.1.e2e-re-enrich-measles`,
    });
    expect(await enrichedLogged('e2e-re-enrich-measles', measlesId)).toMatchObject({ trigger: 're-enrich', editorial: ['topics'] });
    expect((await read(measlesId)).enrichment?.topics).toEqual(editorTopics);

    // A new revision of the article: enriched afresh, the editor's topics still win.
    const revised = article('measles outbreak');
    await client.post('/v1/articles', {
      title: `${revised.title}, officials say`,
      body: asHtml(`${revised.bodyText}\nA further 12 cases were confirmed on Tuesday.`),
      externalId: 'enrich-measles',
    });
    const second = await published(measlesId, 2);
    expect(second.enrichment?.topics).toEqual(editorTopics);
    expect(second.enrichment?.editorial?.topics?.machineTopics.length).toBeGreaterThan(0);
  });

  it('keeps an editor’s entities kind by kind', async () => {
    const response = await client.request('PUT', `/v1/articles/${measlesId}/entities`, {
      people: ['Helen Marsh', 'Anna Conti'],
      places: [],
    });
    expect(response.status).toBe(200);
    const { entities } = (await read(measlesId)).enrichment as Enrichment;
    expect(entities.people.map((p) => [p.name, p.source])).toEqual([
      ['Helen Marsh', 'editor'],
      ['Anna Conti', 'editor'],
    ]);
    expect(entities.people[0].count).toBeGreaterThan(0);
    expect(entities.places).toEqual([]);
    expect((await read(measlesId)).enrichment?.editorial?.entities?.kinds).toEqual(['people', 'places']);
    // The admin key (the installation's, no stored id) made this one.
    expect((await sql(`SELECT api_key_id FROM editorial_corrections WHERE kind = 'entities'`))[0]).toEqual({ api_key_id: null });
  });

  it('re-enriches in bulk by filter, page by page, never a killed article', async () => {
    expect((await client.post('/v1/sources', { slug: 'bulk-desk', name: 'Bulk desk', type: 'push' })).status).toBe(201);
    const names = ['heatwave', 'ceasefire collapses', 'exam results', 'river pollution'];
    const ids = await Promise.all(names.map((name, i) => push(article(name), `bulk-${i}`, 'bulk-desk')));
    for (const id of ids) await published(id);
    // As if enriched by an older enricher; the fourth is killed meanwhile.
    await sql(
      `UPDATE articles SET enricher_version = '0.9.0', enrichment = jsonb_set(enrichment, '{enricherVersion}', '"0.9.0"') WHERE id = ANY($1)`,
      [ids],
    );
    await sql(`UPDATE articles SET status = 'killed', killed_at = now(), kill_reason = 'legal' WHERE id = $1`, [ids[3]]);

    const refused = await client.post('/v1/enrichment/re-enrich', { statuses: ['killed'] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/killed articles are never enriched again/);
    expect((await client.post('/v1/enrichment/re-enrich', { sources: ['no-such-desk'] })).body).toMatchObject({
      status: 422,
      code: 'unknown-source',
    });
    expect((await client.withKey(INGEST_KEY).post('/v1/enrichment/re-enrich', { sources: ['bulk-desk'] })).status).toBe(403);
    expect((await client.request('POST', `/v1/articles/${ids[3]}/enrich`)).body).toMatchObject({ status: 409, code: 'article-killed' });
    expect((await client.request('PUT', `/v1/articles/${ids[3]}/topics`, { topics: ['medtop:06000000'] })).body).toMatchObject({
      status: 409,
      code: 'article-killed',
    });

    const bulk = await client.post('/v1/enrichment/re-enrich', {
      sources: ['bulk-desk'],
      enricherVersionNot: 'current',
      receivedFrom: '2020-01-01T00:00:00Z',
    });
    expect(bulk.status).toBe(202);
    expect(bulk.body).toMatchObject({ matched: 3, limit: 10_000, status: 'queued', requestId: expect.any(String) });
    await waitFor(
      async () => {
        const rows = await sql<{ id: string; enricher_version: string }>(`SELECT id, enricher_version FROM articles WHERE id = ANY($1)`, [
          ids,
        ]);
        return rows.filter((r) => r.enricher_version === ENRICHER_VERSION).length === 3 ? rows : null;
      },
      { timeoutMs: 90_000, describe: logs },
    );
    const [killed] = await sql<{ enricher_version: string; status: string }>(
      `SELECT enricher_version, status FROM articles WHERE id = $1`,
      [ids[3]],
    );
    expect(killed).toEqual({ enricher_version: '0.9.0', status: 'killed' });
    const heatwave = (await read(ids[0])).enrichment as Enrichment;
    expect(heatwave.enricherVersion).toBe(ENRICHER_VERSION);
    expect(heatwave.topics[0].qcode).toBe('medtop:17000000');

    // Nothing left to do now; a limit caps what a request covers.
    expect((await client.post('/v1/enrichment/re-enrich', { sources: ['bulk-desk'], enricherVersionNot: 'current' })).body).toMatchObject({
      matched: 0,
    });
    expect(
      (await client.post('/v1/enrichment/re-enrich', { sources: ['bulk-desk'], statuses: ['published'], limit: 2 })).body,
    ).toMatchObject({ matched: 2, limit: 2 });
  });

  it('streams editor-confirmed topics as training data, and a model retrained on them serves the worker', async () => {
    const [weatherId] = await sql<{ id: string }>(`SELECT id FROM articles WHERE external_id = 'bulk-0'`);
    expect((await client.request('PUT', `/v1/articles/${weatherId.id}/topics`, { topics: ['medtop:17000000'] })).status).toBe(200);

    const response = await fetch(`${client.baseUrl}/v1/enrichment/training-data`, { headers: { authorization: `Bearer ${READ_KEY}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; text: string; topics: string[] });
    expect(lines.map((l) => [l.id, l.topics]).sort()).toEqual(
      [
        [measlesId, ['medtop:20000448', 'medtop:05000000']],
        [weatherId.id, ['medtop:17000000']],
      ].sort(),
    );
    expect(lines.find((l) => l.id === measlesId)?.text).toMatch(
      /^Measles cases rise as vaccination rates fall, officials say\n\nCases of measles/,
    );

    // npm run train:topics -- --from-database: the confirmed topics, read from DATABASE_URL, make a model file...
    const modelFile = join(workDir, 'newsroom.model.json');
    const trained = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'scripts', 'train-topics', 'train-topics.js'),
        '--from-database',
        '--all',
        '--out',
        modelFile,
        '--version',
        'newsroom-e2e',
      ],
      { env: { ...process.env, DATABASE_URL: environment.databaseUrl }, cwd: ROOT },
    );
    expect(trained.stdout).toMatch(/2 articles with editor-confirmed topics in the database/);
    const model = JSON.parse(readFileSync(modelFile, 'utf8')) as { version: string; classes: string[] };
    expect(model).toMatchObject({ version: 'newsroom-e2e', classes: ['medtop:05000000', 'medtop:17000000', 'medtop:20000448'] });

    // ...that ENRICHMENT_TOPIC_MODEL makes the enrichment worker load at boot.
    await enrichmentWorker.stop();
    enrichmentWorker = startApp('enrichment-worker', { ...env, LOG_LEVEL: 'info', ENRICHMENT_TOPIC_MODEL: modelFile });
    await waitFor(async () => enrichmentWorker.output().includes('enrichment model loaded'), { timeoutMs: 60_000, describe: logs });
    expect(enrichmentWorker.output()).toContain('"topicModelVersion":"newsroom-e2e"');
    const id = await push(article('snow and ice warning'), 'after-retraining');
    const retrained = (await published(id)).enrichment as Enrichment;
    expect(retrained.topicModelVersion).toBe('newsroom-e2e');
    expect(retrained.topics[0].qcode).toBe('medtop:17000000');
  });
});
