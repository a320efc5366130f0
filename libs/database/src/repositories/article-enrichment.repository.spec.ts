import { ArticleStatus, type ReEnrichFilter } from '@copydesk/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { ArticleEnrichmentRepository } from './article-enrichment.repository';
import { ArticleRepository } from './article.repository';
import { EditorialCorrectionRepository } from './editorial-correction.repository';

// The run's shared database (globalSetup migrated it); every row here hangs off a source of this spec's own.
const url = process.env.DATABASE_URL as string;

describe('enrichment repositories', () => {
  let dataSource: DataSource;
  let enrichments: ArticleEnrichmentRepository;
  let corrections: EditorialCorrectionRepository;
  let sourceId: string;
  const ids: Record<string, string> = {};

  const article = async (
    name: string,
    fields: {
      status: ArticleStatus;
      revision: number;
      enricherVersion?: string;
      schemeVersion?: string;
      publishedAt?: string;
      createdAt?: string;
    },
  ) => {
    const id = randomUUID();
    ids[name] = id;
    await dataSource.query(
      `INSERT INTO articles (id, source_id, status, revision, title, body_text, enricher_version, enrichment, published_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now()))`,
      [
        id,
        sourceId,
        fields.status,
        fields.revision,
        `Title ${name}`,
        `Body of ${name}.`,
        fields.enricherVersion ?? null,
        fields.enricherVersion
          ? { enricherVersion: fields.enricherVersion, schemeVersion: fields.schemeVersion ?? 'scheme-new', topicModelVersion: 'model-1' }
          : null,
        fields.publishedAt ?? null,
        fields.createdAt ?? null,
      ],
    );
  };
  const select = async (filter: ReEnrichFilter, pageSize = 100): Promise<string[]> => {
    const found: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await enrichments.pageReEnrichable({ sourceIds: [sourceId], ...filter }, after, pageSize);
      found.push(...page.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0] as string));
      if (page.length < pageSize) return found.sort();
      after = page[page.length - 1].id;
    }
  };

  beforeAll(async () => {
    dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    enrichments = new ArticleEnrichmentRepository(dataSource);
    corrections = new EditorialCorrectionRepository(dataSource);
    const slug = `enrich-spec-${Date.now().toString(36)}`;
    [{ id: sourceId }] = await dataSource.query(
      `INSERT INTO sources (slug, name, type) VALUES ($1, 'Enrichment spec', 'push') RETURNING id`,
      [slug],
    );
    await article('old', {
      status: ArticleStatus.Published,
      revision: 2,
      enricherVersion: '0.9.0',
      schemeVersion: 'scheme-old',
      publishedAt: '2026-01-10T00:00:00Z',
      createdAt: '2026-01-10T00:00:00Z',
    });
    await article('current', {
      status: ArticleStatus.Published,
      revision: 1,
      enricherVersion: '1.1.0',
      publishedAt: '2026-03-10T00:00:00Z',
    });
    await article('pending', { status: ArticleStatus.Extracted, revision: 1 });
    await article('killed', { status: ArticleStatus.Killed, revision: 3, enricherVersion: '0.9.0' });
    await article('empty', { status: ArticleStatus.Received, revision: 0 });
  });

  afterAll(() => dataSource?.destroy());

  it('selects by versions, status and dates, never killed articles or articles without content', async () => {
    expect(await select({})).toEqual(['current', 'old', 'pending']);
    expect(await select({ enricherVersionNot: '1.1.0' })).toEqual(['old', 'pending']);
    expect(await select({ schemeVersionNot: 'scheme-new' })).toEqual(['old', 'pending']);
    expect(await select({ topicModelVersionNot: 'model-1' })).toEqual(['pending']);
    expect(await select({ statuses: [ArticleStatus.Published] })).toEqual(['current', 'old']);
    expect(await select({ publishedFrom: '2026-02-01T00:00:00Z' })).toEqual(['current']);
    expect(await select({ publishedTo: '2026-02-01T00:00:00Z' })).toEqual(['old']);
    expect(await select({ receivedTo: '2026-02-01T00:00:00Z' })).toEqual(['old']);
    expect(await select({ receivedFrom: '2026-02-01T00:00:00Z' })).toEqual(['current', 'pending']);
    expect(await select({ sourceIds: [randomUUID()] })).toEqual([]);
    // Keyset pages of one give the same articles as one page of all.
    expect(await select({}, 1)).toEqual(['current', 'old', 'pending']);
    expect(await enrichments.countReEnrichable({ sourceIds: [sourceId] }, 10)).toBe(3);
    expect(await enrichments.countReEnrichable({ sourceIds: [sourceId] }, 2)).toBe(2);
    const [old] = await enrichments.pageReEnrichable(
      { sourceIds: [sourceId], enricherVersionNot: '1.1.0', statuses: [ArticleStatus.Published] },
      null,
      10,
    );
    expect(old).toEqual({ id: ids.old, revision: 2 });
  });

  it('stores an enrichment only at the article’s revision, keeping a published article published', async () => {
    const stored = { enrichment: { enricherVersion: '1.1.0', topics: [] }, enricherVersion: '1.1.0', detectedLanguage: 'en' };
    expect(await dataSource.transaction((m) => enrichments.store(ids.old, 1, stored, m))).toBe(false);
    expect(await dataSource.transaction((m) => enrichments.store(ids.old, 2, stored, m))).toBe(true);
    expect(await dataSource.transaction((m) => enrichments.store(ids.pending, 1, stored, m))).toBe(true);
    expect(await dataSource.transaction((m) => enrichments.store(ids.killed, 3, stored, m))).toBe(false);
    const rows: Array<{
      id: string;
      status: string;
      enricher_version: string;
      enriched_revision: number;
      language: string;
      enrichment: unknown;
    }> = await dataSource.query(
      `SELECT id, status, enricher_version, enriched_revision, language, enrichment FROM articles WHERE id = ANY($1) ORDER BY id`,
      [[ids.old, ids.pending]],
    );
    expect(rows.find((r) => r.id === ids.old)).toMatchObject({
      status: 'published',
      enricher_version: '1.1.0',
      enriched_revision: 2,
      language: 'en',
      enrichment: stored.enrichment,
    });
    expect(rows.find((r) => r.id === ids.pending)).toMatchObject({ status: 'enriched', enriched_revision: 1 });
  });

  it('stores several enrichments at once, setting the detected language only where the article has none', async () => {
    await dataSource.query(`UPDATE articles SET language = 'de' WHERE id = $1`, [ids.pending]);
    const stored = (articleId: string, revision: number, detectedLanguage: string | null) => ({
      articleId,
      revision,
      enrichment: { enricherVersion: '1.2.0', topics: [] },
      enricherVersion: '1.2.0',
      detectedLanguage,
    });
    const written = await dataSource.transaction((m) =>
      enrichments.storeMany(
        [stored(ids.pending, 1, 'fr'), stored(ids.current, 1, null), stored(ids.killed, 3, 'en'), stored(ids.old, 1, 'en')],
        m,
      ),
    );
    expect([...written].sort()).toEqual([ids.pending, ids.current].sort());
    const rows: Array<{ id: string; language: string | null; enricher_version: string; enriched_at: Date | null }> = await dataSource.query(
      `SELECT id, language, enricher_version, enriched_at FROM articles WHERE id = ANY($1)`,
      [[ids.pending, ids.current]],
    );
    expect(rows.find((r) => r.id === ids.pending)).toMatchObject({ language: 'de', enricher_version: '1.2.0' });
    expect(rows.find((r) => r.id === ids.current)).toMatchObject({ language: null, enricher_version: '1.2.0' });
    expect(rows.every((r) => r.enriched_at instanceof Date)).toBe(true);
  });

  it('locks the state enrichment checks (no text): what lockMany reads of those columns, rows that exist only', async () => {
    const articles = new ArticleRepository(dataSource);
    const wanted = [ids.current, ids.killed, randomUUID()];
    const [state, full] = await dataSource.transaction(async (m) => [
      await articles.lockStateMany(wanted, m),
      await articles.lockMany(wanted, m),
    ]);
    expect(state).toHaveLength(2);
    for (const row of state) {
      const whole = full.find((a) => a.id === row.id);
      expect(row).toEqual({
        id: whole?.id,
        status: whole?.status,
        revision: whole?.revision,
        routedRevision: whole?.routedRevision,
        language: whole?.language,
        enrichment: whole?.enrichment,
      });
    }
    expect(state.find((a) => a.id === ids.killed)).toMatchObject({ status: ArticleStatus.Killed, revision: 3 });
  });

  it('keeps every correction and puts the latest of each kind in force; confirmed topics page as training data', async () => {
    await corrections.insert({
      articleId: ids.current,
      articleRevision: 1,
      apiKeyId: null,
      kind: 'topics',
      topics: ['medtop:15000000'],
      schemeVersion: 'scheme-new',
    });
    await corrections.insert({
      articleId: ids.current,
      articleRevision: 1,
      apiKeyId: null,
      kind: 'entities',
      entities: { people: ['A. Person'] },
    });
    await corrections.insert({
      articleId: ids.current,
      articleRevision: 1,
      apiKeyId: null,
      kind: 'topics',
      topics: ['medtop:17000000'],
      schemeVersion: 'scheme-new',
    });
    await corrections.insert({
      articleId: ids.old,
      articleRevision: 2,
      apiKeyId: null,
      kind: 'topics',
      topics: ['medtop:07000000'],
      schemeVersion: 'scheme-new',
    });
    await corrections.insert({
      articleId: ids.killed,
      articleRevision: 3,
      apiKeyId: null,
      kind: 'topics',
      topics: ['medtop:16000000'],
      schemeVersion: 'scheme-new',
    });

    const inForce = await corrections.inForce(ids.current);
    expect(inForce.topics?.topics).toEqual(['medtop:17000000']);
    expect(inForce.entities?.entities).toEqual({ people: ['A. Person'] });
    expect(await corrections.inForce(ids.pending)).toEqual({});
    const many = await corrections.inForceMany([ids.current, ids.pending, ids.old]);
    expect(many.get(ids.current)?.topics?.topics).toEqual(['medtop:17000000']);
    expect(many.get(ids.current)?.entities?.entities).toEqual({ people: ['A. Person'] });
    expect(many.get(ids.current)?.topics?.createdAt).toBeInstanceOf(Date);
    expect(many.get(ids.old)?.topics?.topics).toEqual(['medtop:07000000']);
    expect(many.get(ids.pending)).toEqual({});

    const examples = [];
    for await (const page of corrections.confirmedTopicExamples(1))
      examples.push(...page.filter((e) => Object.values(ids).includes(e.articleId)));
    expect(examples.map((e) => [e.articleId, e.topics, e.title]).sort()).toEqual(
      [
        [ids.current, ['medtop:17000000'], 'Title current'],
        [ids.old, ['medtop:07000000'], 'Title old'],
      ].sort(),
    );
  });
});
