import { ArticleStatus, RawItemOrigin } from '@copydesk/contracts';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { type ReceivedInput, RawItemRepository } from './raw-item.repository';

// The run's shared database (globalSetup migrated it); every row here hangs off a source of this spec's own.
const url = process.env.DATABASE_URL as string;

describe('RawItemRepository.storeReceived', () => {
  let dataSource: DataSource;
  let rawItems: RawItemRepository;
  let sourceId: string;

  const input = (externalId: string | null, text: string): ReceivedInput => ({
    sourceId,
    origin: RawItemOrigin.Api,
    contentType: 'application/json',
    payload: Buffer.from(JSON.stringify({ title: text, body: `<p>${text} "quoted" \\ back\u00e9</p>` })),
    externalId,
    url: null,
    metadata: { apiKeyId: null, note: 'a "quoted" value' },
    correlationId: `corr-${text}`,
  });

  beforeAll(async () => {
    dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    rawItems = new RawItemRepository(dataSource);
    [{ id: sourceId }] = await dataSource.query(
      `INSERT INTO sources (slug, name, type) VALUES ($1, 'Raw item spec', 'push') RETURNING id`,
      [`raw-spec-${Date.now().toString(36)}`],
    );
  });

  afterAll(() => dataSource?.destroy());

  it('stores every input as received with its article, one article per external id, in one statement', async () => {
    const stored = await rawItems.storeReceived([input('a', 'one'), input(null, 'two'), input('a', 'three'), input(null, 'four')]);

    expect(stored).toHaveLength(4);
    expect(stored[0].articleId).toBe(stored[2].articleId);
    expect(new Set(stored.map((s) => s.articleId)).size).toBe(3);
    expect(stored.map((s) => s.created)).toEqual([true, true, false, true]);
    expect(stored.every((s) => s.articleStatus === ArticleStatus.Received)).toBe(true);
    const rows: Array<{ id: string; article_id: string; payload: Buffer; metadata: unknown; correlation_id: string; status: string }> =
      await dataSource.query(`SELECT id, article_id, payload, metadata, correlation_id, status FROM raw_items WHERE id = ANY($1::uuid[])`, [
        stored.map((s) => s.rawItemId),
      ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    stored.forEach((s, i) => {
      const row = byId.get(s.rawItemId);
      expect(row?.article_id).toBe(s.articleId);
      expect(row?.status).toBe('received');
      expect(row?.payload.equals(input(null, ['one', 'two', 'three', 'four'][i]).payload)).toBe(true);
      expect(row?.metadata).toEqual({ apiKeyId: null, note: 'a "quoted" value' });
    });
  });

  it('finds the article an external id already has, with its status', async () => {
    const [first] = await rawItems.storeReceived([input('b', 'first')]);
    await dataSource.query(`UPDATE articles SET status = 'published' WHERE id = $1`, [first.articleId]);

    const [again] = await rawItems.storeReceived([input('b', 'again')]);

    expect(again).toMatchObject({ articleId: first.articleId, created: false, articleStatus: ArticleStatus.Published });
    expect(again.rawItemId).not.toBe(first.rawItemId);
  });

  it('stores nothing when one input cannot be stored', async () => {
    const before = Number((await dataSource.query(`SELECT count(*) AS n FROM raw_items WHERE source_id = $1`, [sourceId]))[0].n);
    const broken = { ...input('c', 'broken'), sourceId: '00000000-0000-4000-8000-000000000000' };

    await expect(rawItems.storeReceived([input('d', 'fine'), broken])).rejects.toThrow();

    const after = Number((await dataSource.query(`SELECT count(*) AS n FROM raw_items WHERE source_id = $1`, [sourceId]))[0].n);
    expect(after).toBe(before);
  });
});
