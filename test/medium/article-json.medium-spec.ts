import { ArticleStatus } from '@copydesk/contracts';
import { ArticleRepository, ArticleSearchRepository } from '@copydesk/database';
import type { DataSource } from 'typeorm';
import { withRanking } from '../../apps/api/src/articles/article-search.service';
import { toArticleSummaryView, toArticleView } from '../../apps/api/src/articles/article.view';
import { mediumDatabase, RowFactory } from './factories';

/**
 * GET /v1/articles and /v1/articles/:id answer with JSON PostgreSQL writes (article-json.sql): it must say exactly
 * what the views say of the same rows, field for field and in the same order, for the awkward values too.
 */
describe('articles as JSON written by PostgreSQL (medium)', () => {
  let dataSource: DataSource;
  let articles: ArticleRepository;
  let search: ArticleSearchRepository;
  let sourceId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    ({ dataSource } = await mediumDatabase('mediumjson'));
    articles = new ArticleRepository(dataSource);
    search = new ArticleSearchRepository(dataSource);
    sourceId = await new RowFactory(dataSource).source();
    const insert = async (fields: string, values: unknown[]): Promise<void> => {
      const [row] = await dataSource.query<Array<{ id: string }>>(
        `INSERT INTO articles (id, source_id, status, revision, ${fields})
         VALUES (gen_random_uuid(), $1, 'published', 3, ${values.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [sourceId, ...values],
      );
      ids.push(row.id);
    };
    // Microseconds (the driver's Dates keep milliseconds), quotes, a control character, non-Latin text, nested jsonb.
    await insert(
      `title, byline, authors, description, language, body_html, body_text, published_at, modified_at, embargo_until,
       content_hash, content_changed_at, kill_reason, killed_at, enrichment, enricher_version, metadata, external_id, url`,
      [
        'Ein „Titel“ mit "Anführung" und \\ Schrägstrich',
        'Zoë Ödegaard',
        JSON.stringify(['Zoë Ödegaard', '李雷']),
        'Tab\there, bell\u0007, line\u2028separator',
        'de-AT',
        '<p>Körper &amp; <b>Seele</b></p>',
        'Körper & Seele 🎉',
        '2026-03-01 12:34:56.789999+00',
        '1999-12-31 23:59:59.000001+05:30',
        '2026-12-08 00:00:00+00',
        'abc123',
        '2026-03-01 12:35:00.5+00',
        'legal',
        '2026-03-02 08:00:00.123456+00',
        JSON.stringify({ topics: [{ qcode: 'medtop:11000000', score: 0.5, ancestors: [] }], summary: null, n: 1.25e-7, big: 12345678901 }),
        'v7',
        JSON.stringify({ siteName: 'Die Zeitung', tags: ['a', 'b'], image: { url: 'https://example.test/x.jpg' } }),
        'ext-1',
        'https://example.test/a?x=1&y=2',
      ],
    );
    // Nothing but the required columns: every optional field null, the defaults ([] and {}) as they are stored.
    await insert('title', [null]);
  });

  afterAll(() => dataSource?.destroy());

  it('writes an article as toArticleView does, field for field and in its order', async () => {
    for (const id of ids) {
      const entity = await articles.findById(id);
      const found = await articles.findJsonById(id);
      expect(found?.sourceId).toBe(sourceId);
      const expected = JSON.parse(JSON.stringify(toArticleView(entity!))) as Record<string, unknown>;
      const actual = JSON.parse(found!.json) as Record<string, unknown>;
      expect(actual).toEqual(expected);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
    }
    expect(await articles.findJsonById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it.each<[string, { sort: 'newest' | 'relevance'; q?: string }]>([
    ['a listing', { sort: 'newest' }],
    ['a text search by relevance', { sort: 'relevance', q: 'Seele' }],
  ])('writes the items of %s as toArticleSummaryView does, with rank and highlight', async (_, query) => {
    const filter = { ...query, status: ArticleStatus.Published, sourceIds: [sourceId], limit: 10 };
    const hits = await search.search(filter);
    const json = await search.searchJson(filter);
    // Keysets alike but for a search's asOf, the instant of each statement.
    const keysets = (list: Array<{ keyset: object }>) => list.map(({ keyset }) => ({ ...keyset, asOf: undefined }));
    expect(keysets(json)).toEqual(keysets(hits));
    expect(json.length).toBe(query.q ? 1 : 2);
    json.forEach((hit, i) => {
      const expected = {
        ...(JSON.parse(JSON.stringify(toArticleSummaryView(hits[i].article))) as Record<string, unknown>),
        ...(hits[i].rank !== null ? { rank: hits[i].rank } : {}),
        ...(hits[i].highlight !== null ? { highlight: expect.stringContaining('<mark>Seele</mark>') as unknown } : {}),
      };
      const actual = JSON.parse(withRanking(hit.json, hit.rank, hit.highlight)) as Record<string, unknown>;
      expect(actual).toEqual(expected);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
    });
  });
});
