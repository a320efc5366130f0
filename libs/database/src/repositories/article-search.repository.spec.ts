import { ArticleStatus } from '@copydesk/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { ArticleSearchRepository, type ArticleQuery, HIGHLIGHT_START, TS_CONFIGS } from './article-search.repository';

// The run's shared database (globalSetup migrated it); every article here belongs to a source of this spec's own.
const url = process.env.DATABASE_URL as string;

const POLITICS = { qcode: 'medtop:11000000', label: 'politics', ancestors: [] };
const ELECTION = { qcode: 'medtop:20000597', label: 'election', ancestors: [{ qcode: 'medtop:11000000', label: 'politics' }] };
const SPORT = { qcode: 'medtop:15000000', label: 'sport', ancestors: [] };

describe('ArticleSearchRepository', () => {
  let dataSource: DataSource;
  let search: ArticleSearchRepository;
  let sourceId: string;
  const ids: Record<string, string> = {};

  const insert = async (
    name: string,
    fields: { title: string; body: string; language: string | null; topics?: unknown[]; status?: ArticleStatus },
  ) => {
    const id = randomUUID();
    ids[name] = id;
    await dataSource.query(
      `INSERT INTO articles (id, source_id, status, revision, title, body_text, language, enrichment, published_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, now())`,
      [
        id,
        sourceId,
        fields.status ?? ArticleStatus.Published,
        fields.title,
        fields.body,
        fields.language,
        fields.topics ? { topics: fields.topics } : null,
      ],
    );
  };
  const names = async (query: Partial<ArticleQuery>): Promise<string[]> => {
    const hits = await search.search({ sort: 'newest', limit: 100, sourceIds: [sourceId], ...query });
    return hits.map((hit) => Object.entries(ids).find(([, id]) => id === hit.article.id)?.[0] as string);
  };

  beforeAll(async () => {
    dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    search = new ArticleSearchRepository(dataSource);
    const [source] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO sources (slug, name, type) VALUES ($1, 'Search spec', 'push') RETURNING id`,
      [`search-${randomUUID().slice(0, 8)}`],
    );
    sourceId = source.id;
    await insert('english', {
      title: 'Councils are running late',
      body: 'The councils were running the budget late again.',
      language: 'en',
      topics: [ELECTION],
    });
    await insert('german', {
      title: 'Die Wahlen in Berlin',
      body: 'Die Parteien gewannen viele Stimmen bei den Wahlen.',
      language: 'de',
      topics: [POLITICS],
    });
    await insert('german-english-word', { title: 'Ein running Gag', body: 'Der running Gag des Abends.', language: 'de' });
    await insert('unknown', { title: 'Kaupunki', body: 'Kaupunginvaltuusto kokoontui tiistaina.', language: 'xx', topics: [SPORT] });
    await insert('killed', { title: 'Running story withdrawn', body: 'Running.', language: 'en', status: ArticleStatus.Killed });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('knows every configuration copydesk_ts_config answers', async () => {
    const rows = await dataSource.query<Array<{ config: string }>>(
      `SELECT DISTINCT copydesk_ts_config(l)::text AS config FROM unnest(ARRAY['en','fr','de','es','it','pt','nl','sv','da','nb','no','fi','ru','tr','hu','ro','xx', NULL]) l`,
    );
    expect(rows.map((r) => r.config).sort()).toEqual([...TS_CONFIGS].sort());
  });

  it('lists the configurations of the indexed texts as those in use', async () => {
    const inUse = await new ArticleSearchRepository(dataSource).configsInUse();
    expect(inUse).toEqual(expect.arrayContaining(['english', 'german', 'simple']));
    expect(TS_CONFIGS).toEqual(expect.arrayContaining(inUse));
  });

  it('parses the query in each article’s own language: English stems for English, German for German, simple otherwise', async () => {
    // "runs" stems to "run" in English; a German article is matched by the German parse of the query only.
    expect(await names({ q: 'runs' })).toEqual(['killed', 'english']);
    expect(await names({ q: 'Wahl' })).toEqual(['german']);
    expect(await names({ q: 'kaupunginvaltuusto' })).toEqual(['unknown']);
    expect(await names({ q: 'running', language: 'de' })).toEqual(['german-english-word']);
    expect(await names({ q: 'runs', status: ArticleStatus.Published })).toEqual(['english']);
  });

  it('ranks with sort=relevance and marks the matches in the snippet', async () => {
    const hits = await search.search({ q: 'running late', sort: 'relevance', limit: 10, sourceIds: [sourceId] });
    expect(hits[0].article.id).toBe(ids.english);
    expect(hits[0].rank).toBeGreaterThan(0);
    expect(hits[0].highlight).toContain(`${HIGHLIGHT_START}running`);
  });

  it('finds narrower topics under a broader one', async () => {
    expect((await names({ topic: 'medtop:11000000' })).sort()).toEqual(['english', 'german']);
    expect(await names({ topic: 'medtop:20000597' })).toEqual(['english']);
    expect(await names({ topic: 'medtop:15000000' })).toEqual(['unknown']);
  });

  it('pages by relevance without skips or repeats while matching articles arrive', async () => {
    const query = { q: 'running', sort: 'relevance' as const, sourceIds: [sourceId] };
    const all = (await search.search({ ...query, limit: 100 })).map((hit) => hit.article.id);
    const paged: string[] = [];
    let after = undefined as ArticleQuery['after'];
    for (let page = 0; ; page++) {
      const hits = await search.search({ ...query, limit: 1, after });
      paged.push(...hits.map((hit) => hit.article.id));
      if (hits.length < 1) break;
      after = hits[0].keyset;
      // Ranks below the page a reader is on (one word, in the body): it must not turn up on a later page.
      await insert(`arrived-${page}`, { title: 'Late news', body: 'Lots of people, some of them running.', language: 'en' });
    }
    expect(all.length).toBeGreaterThan(1);
    expect(paged).toEqual(all);
    // A new search finds them.
    const fresh = (await search.search({ ...query, limit: 100 })).map((hit) => hit.article.id);
    const arrived = Object.entries(ids).filter(([name]) => name.startsWith('arrived-'));
    expect(fresh).toEqual(expect.arrayContaining(arrived.map(([, id]) => id)));
  });

  it('pages a text search newest first by keyset', async () => {
    const query = { q: 'running', sort: 'newest' as const, sourceIds: [sourceId] };
    const all = (await search.search({ ...query, limit: 100 })).map((hit) => hit.article.id);
    const paged: string[] = [];
    let after = undefined as ArticleQuery['after'];
    for (;;) {
      const hits = await search.search({ ...query, limit: 2, after });
      paged.push(...hits.map((hit) => hit.article.id));
      if (hits.length < 2) break;
      after = hits[1].keyset;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('pages by keyset, newest first, without skipping rows created in the same millisecond', async () => {
    const all = await search.search({ sort: 'newest', limit: 100, sourceIds: [sourceId] });
    const paged: string[] = [];
    let after = undefined as ArticleQuery['after'];
    for (;;) {
      const page = await search.search({ sort: 'newest', limit: 2, sourceIds: [sourceId], after });
      paged.push(...page.map((hit) => hit.article.id));
      if (page.length < 2) break;
      after = page[page.length - 1].keyset;
    }
    expect(paged).toEqual(all.map((hit) => hit.article.id));
    expect(new Set(paged).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(5);
  });
});
