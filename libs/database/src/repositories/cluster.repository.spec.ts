import { ArticleStatus } from '@copydesk/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { ClusterRepository } from './cluster.repository';

// The run's shared database (globalSetup migrated it); every key here is unique to this spec.
const url = process.env.DATABASE_URL as string;
const HOUR = 3_600_000;
const LIMITS = { duplicates: 20, perKey: 25 };

describe('ClusterRepository.neighboursMany', () => {
  let dataSource: DataSource;
  let clusters: ClusterRepository;
  let sourceId: string;
  const tag = randomUUID().slice(0, 8);
  const key = (name: string) => `spec-${tag}-${name}`;
  const at = new Date('2026-03-01T12:00:00Z');

  const article = async (when: Date, keys: string[], status = ArticleStatus.Published): Promise<string> => {
    const id = randomUUID();
    await dataSource.query(`INSERT INTO articles (id, source_id, status, revision, title, published_at) VALUES ($1, $2, $3, 1, 't', $4)`, [
      id,
      sourceId,
      status,
      when,
    ]);
    for (const k of keys) {
      await dataSource.query(`INSERT INTO article_entity_keys (article_id, entity_key, published_at) VALUES ($1, $2, $3)`, [id, k, when]);
    }
    return id;
  };
  const window = (id: string, when: Date, keys: string[]) => ({
    articleId: id,
    keys,
    from: new Date(when.getTime() - 72 * HOUR),
    to: new Date(when.getTime() + 72 * HOUR),
  });

  beforeAll(async () => {
    dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    clusters = new ClusterRepository(dataSource);
    const [source] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO sources (slug, name, type) VALUES ($1, 'Cluster spec', 'push') RETURNING id`,
      [`clusters-${tag}`],
    );
    sourceId = source.id;
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('finds each subject its own neighbours, in its own window, in one call', async () => {
    const later = new Date(at.getTime() + 10 * 24 * HOUR);
    const a = await article(at, [key('ann'), key('bank')]);
    const b = await article(later, [key('ann'), key('bank'), key('court')]);
    const nearA = await article(new Date(at.getTime() + HOUR), [key('ann'), key('bank')]);
    const nearB = await article(new Date(later.getTime() - HOUR), [key('bank'), key('court')]);
    const oneKeyOnly = await article(at, [key('ann')]);
    const killed = await article(at, [key('ann'), key('bank')], ArticleStatus.Killed);
    const lonely = await article(at, [key('nobody')]);
    await dataSource.query(
      `INSERT INTO article_relations (article_id, related_article_id, relation, similarity, title_similarity) VALUES ($1, $2, 'near_duplicate', 0.9, 0.9)`,
      [b, a],
    );

    const found = await clusters.neighboursMany(
      [
        window(a, at, [key('ann'), key('bank')]),
        window(b, later, [key('ann'), key('bank'), key('court')]),
        window(lonely, at, [key('nobody')]),
      ],
      LIMITS,
      dataSource.manager,
    );

    const ids = (subject: string) => (found.get(subject) ?? []).map((n) => n.articleId).sort();
    expect(ids(a)).toEqual([b, nearA].sort());
    expect(ids(b)).toEqual([a, nearB].sort());
    expect(found.get(lonely)).toEqual([]);
    expect(ids(a)).not.toContain(oneKeyOnly);
    expect(ids(a)).not.toContain(killed);
    // b is a's near-duplicate (the relation points from b to a), outside a's window: found as a duplicate only.
    expect(found.get(a)?.find((n) => n.articleId === b)).toMatchObject({ duplicate: true, shared: [] });
    expect(found.get(a)?.find((n) => n.articleId === nearA)).toMatchObject({ duplicate: false });
    expect([...(found.get(a)?.find((n) => n.articleId === nearA)?.shared ?? [])].sort()).toEqual([key('ann'), key('bank')]);
  });
});
