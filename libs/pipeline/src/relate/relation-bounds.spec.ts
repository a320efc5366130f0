import { loadConfig } from '@copydesk/config';
import { ClusterRepository, createDataSource, RelationRepository } from '@copydesk/database';
import { contentHash } from '@copydesk/normalize';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ClusterAssigner } from './cluster-assigner.service';
import { DuplicateDetector, type FingerprintSubject } from './duplicate-detector.service';

// The run's shared database (globalSetup migrated it); every row here hangs off a source of this spec's own.
const url = process.env.DATABASE_URL as string;
const KEEP = 5;
const MAX_CLUSTER = 12;

const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam'];
const MOVES = ['rose', 'fell'];

/** Templated market reports from a tiny vocabulary: every text a near copy of every other. */
function templated(i: number): { title: string; bodyText: string } {
  const company = COMPANIES[i % COMPANIES.length];
  const move = MOVES[i % MOVES.length];
  const pct = `${1 + (i % 9)}.${i % 10}`;
  return {
    title: `${company} shares ${move} ${pct}% on Monday`,
    bodyText: [
      `Shares in ${company} ${move} ${pct}% on Monday after the company published its quarterly results.`,
      `The stock ${move} in early trading in London and closed ${pct}% away from its opening price.`,
      'Maria Lopez, an analyst at the Market Desk, said investors were watching margins closely.',
      `${company} said it would give more details on its plans at its annual meeting.`,
    ].join('\n\n'),
  };
}

describe('bounded relations and story clusters (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let sourceId: string;
  const config = loadConfig({ RELATIONS_PER_ARTICLE: String(KEEP), CLUSTER_MAX_ARTICLES: String(MAX_CLUSTER) });

  const createArticles = async (count: number, text: (i: number) => { title: string; bodyText: string }): Promise<FingerprintSubject[]> => {
    const subjects: FingerprintSubject[] = [];
    for (let i = 0; i < count; i++) {
      const { title, bodyText } = text(i);
      const id = randomUUID();
      const hash = contentHash(`${title}\n${bodyText}`);
      const publishedAt = new Date(Date.UTC(2026, 10, 25, 9, i));
      await dataSource.query(
        `INSERT INTO articles (id, source_id, status, revision, title, body_text, content_hash, language, published_at, enrichment, enriched_revision)
         VALUES ($1, $2, 'enriched', 1, $3, $4, $5, 'en', $6, $7, 1)`,
        [
          id,
          sourceId,
          title,
          bodyText,
          hash,
          publishedAt,
          { entities: { people: [{ name: 'Maria Lopez', salience: 0.6 }], organisations: [{ name: 'Market Desk', salience: 0.5 }] } },
        ],
      );
      subjects.push({ articleId: id, sourceId, revision: 1, title, bodyText, contentHash: hash, publishedAt });
    }
    return subjects;
  };

  const relationCounts = async (ids: string[]): Promise<number[]> =>
    (
      await dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM article_relations WHERE article_id = ANY($1::uuid[]) GROUP BY article_id`,
        [ids],
      )
    ).map((r) => r.n);

  beforeAll(async () => {
    dataSource = createDataSource({ url, poolSize: 4 });
    await dataSource.initialize();
    [{ id: sourceId }] = await dataSource.query(
      `INSERT INTO sources (slug, name, type) VALUES ($1, 'Relation bounds spec', 'push') RETURNING id`,
      [`bounds-spec-${Date.now().toString(36)}`],
    );
  });

  afterAll(() => dataSource?.destroy());

  it('keeps at most K relations per article however many near-identical texts arrive, the best ones first', async () => {
    const detector = new DuplicateDetector(new RelationRepository(dataSource), config);
    const subjects = await createArticles(80, templated);
    // One by one, then in batches, as the ingest worker indexes them under load.
    for (const subject of subjects.slice(0, 20)) await dataSource.transaction((m) => detector.index(subject, m));
    for (let i = 20; i < subjects.length; i += 15) await dataSource.transaction((m) => detector.indexMany(subjects.slice(i, i + 15), m));

    const counts = await relationCounts(subjects.map((s) => s.articleId));
    expect(Math.max(...counts)).toBe(KEEP);
    expect(counts.filter((n) => n === KEEP).length).toBeGreaterThan(60);
    // What the API reads: at most K, both directions together, most similar first.
    const related = await new RelationRepository(dataSource).related(subjects[0].articleId, KEEP);
    expect(related.length).toBeLessThanOrEqual(KEEP);
    expect(related.map((r) => r.similarity)).toEqual([...related.map((r) => r.similarity)].sort((a, b) => b - a));
    // Kept are the best matches: nothing outside them is more similar than the weakest kept.
    const last = subjects[subjects.length - 1].articleId;
    const kept = await dataSource.query<Array<{ similarity: number }>>(`SELECT similarity FROM article_relations WHERE article_id = $1`, [
      last,
    ]);
    expect(Math.min(...kept.map((k) => Number(k.similarity)))).toBeGreaterThan(0.3);
  });

  it('relates an article only to articles indexed before it, also within one batch', async () => {
    const detector = new DuplicateDetector(new RelationRepository(dataSource), config);
    const twins = await createArticles(3, () => ({
      title: 'Ferry service suspended after storm damages pier',
      bodyText: 'The island ferry will not sail until engineers have inspected the pier that the storm damaged on Sunday night.',
    }));
    const found = await dataSource.transaction((m) => detector.indexMany(twins, m));
    expect(found[0]).toEqual([]);
    expect(found[1].map((r) => r.relatedArticleId)).toEqual([twins[0].articleId]);
    expect(found[2].map((r) => r.relatedArticleId).sort()).toEqual([twins[0].articleId, twins[1].articleId].sort());
    expect(found[2].every((r) => r.similarity === 1)).toBe(true);
  });

  it('bounds story clusters: related articles fill a cluster up to its limit, then start another', async () => {
    const detector = new DuplicateDetector(new RelationRepository(dataSource), config);
    const assigner = new ClusterAssigner(new ClusterRepository(dataSource), config);
    const subjects = await createArticles(40, (i) => templated(100 + i));
    for (let i = 0; i < subjects.length; i += 10) await dataSource.transaction((m) => detector.indexMany(subjects.slice(i, i + 10), m));

    // All at once, as the ingest worker's jobs arrive: placed in batches under one lock.
    const outcomes = await Promise.all(subjects.map((s) => assigner.assign(s.articleId)));

    expect(outcomes.filter((o) => o.clusterId !== null).length).toBeGreaterThan(30);
    // Whole clusters: they may also hold near copies indexed by the tests before.
    const sizes = await dataSource.query<Array<{ cluster_id: string; n: number }>>(
      `SELECT cluster_id, count(*)::int AS n FROM articles
       WHERE cluster_id IN (SELECT cluster_id FROM articles WHERE id = ANY($1::uuid[])) GROUP BY cluster_id`,
      [subjects.map((s) => s.articleId)],
    );
    expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(MAX_CLUSTER);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(30 / MAX_CLUSTER));
    // The stored counts agree with the members.
    const stored = await dataSource.query<Array<{ id: string; article_count: number }>>(
      `SELECT id, article_count FROM story_clusters WHERE id = ANY($1::uuid[])`,
      [sizes.map((s) => s.cluster_id)],
    );
    for (const { cluster_id, n } of sizes) expect(stored.find((c) => c.id === cluster_id)?.article_count).toBe(n);

    // Placing them again (a re-enrichment) moves nothing and grows nothing.
    const again = await Promise.all(subjects.map((s) => assigner.assign(s.articleId)));
    expect(again.map((o) => o.clusterId)).toEqual(outcomes.map((o, i) => o.clusterId ?? again[i].clusterId));
  });
});
