import { randomUUID } from 'node:crypto';
import { loadConfig } from '@copydesk/config';
import { RelationRepository } from '@copydesk/database';
import { contentHash } from '@copydesk/normalize';
import { DuplicateDetector } from '@copydesk/pipeline';
import type { DataSource, QueryRunner } from 'typeorm';
import type { DetectionRun, FoundRelation } from './dedup-evaluation';
import { detectorText, type BenchArticle, type DedupSet } from './dedup-set';
import { createSources, insertArticle } from './scratch-database';

export interface DetectionRunResult extends DetectionRun {
  /** Probes whose relations read back from article_relations differ from what `index()` returned. */
  readonly readBackMismatches: number;
  readonly seconds: number;
}

/**
 * Stores the set's originals through `DuplicateDetector.index` (committed, in order, each in its own transaction),
 * then indexes every probe in a transaction that is rolled back after its relations are read back, so each probe
 * meets exactly the stored originals and never another probe.
 */
export async function runDetection(dataSource: DataSource, set: DedupSet): Promise<DetectionRunResult> {
  const started = performance.now();
  const sourceIds = await createSources(dataSource, set.sources);
  const detector = new DuplicateDetector(new RelationRepository(dataSource), loadConfig());
  const keyById = new Map<string, string>();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const originalRelations: FoundRelation[] = [];
    for (const original of set.originals) {
      const id = randomUUID();
      keyById.set(id, original.key);
      await runner.startTransaction();
      try {
        const relations = await store(runner, detector, id, original, sourceIds);
        originalRelations.push(
          ...relations.map((r) => ({
            fromKey: original.key,
            toKey: keyById.get(r.related) ?? r.related,
            relation: r.relation,
            similarity: r.similarity,
          })),
        );
        await runner.commitTransaction();
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      }
    }

    const probeRelations = new Map<string, FoundRelation[]>();
    let readBackMismatches = 0;
    for (const probe of set.probes) {
      const id = randomUUID();
      await runner.startTransaction();
      try {
        const returned = await store(runner, detector, id, probe, sourceIds);
        const stored: Array<{ related_article_id: string; relation: string; similarity: number }> = await runner.manager.query(
          `SELECT related_article_id, relation, similarity FROM article_relations WHERE article_id = $1 ORDER BY related_article_id`,
          [id],
        );
        const signature = (rows: Array<{ related: string; relation: string }>) =>
          rows
            .map((r) => `${r.related}:${r.relation}`)
            .sort()
            .join(',');
        if (signature(returned) !== signature(stored.map((r) => ({ related: r.related_article_id, relation: r.relation }))))
          readBackMismatches++;
        probeRelations.set(
          probe.key,
          stored.map((r) => ({
            fromKey: probe.key,
            toKey: keyById.get(r.related_article_id) ?? r.related_article_id,
            relation: r.relation,
            similarity: Number(r.similarity),
          })),
        );
      } finally {
        await runner.rollbackTransaction();
      }
    }
    return { originalRelations, probeRelations, readBackMismatches, seconds: (performance.now() - started) / 1000 };
  } finally {
    await runner.release();
  }
}

/** Inserts the article row the foreign keys need, then runs the detector on it as the ingest pipeline does. */
async function store(
  runner: QueryRunner,
  detector: DuplicateDetector,
  id: string,
  article: BenchArticle,
  sourceIds: ReadonlyMap<string, string>,
) {
  const sourceId = sourceIds.get(article.sourceSlug);
  if (!sourceId) throw new Error(`no source ${article.sourceSlug}`);
  const hash = contentHash(detectorText(article));
  await insertArticle(runner.manager, {
    id,
    sourceId,
    title: article.title,
    bodyText: article.body,
    contentHash: hash,
    publishedAt: article.publishedAt,
  });
  const relations = await detector.index(
    {
      articleId: id,
      sourceId,
      revision: 1,
      title: article.title,
      bodyText: article.body,
      contentHash: hash,
      publishedAt: article.publishedAt,
    },
    runner.manager,
  );
  return relations.map((r) => ({ related: r.relatedArticleId, relation: r.relation, similarity: r.similarity }));
}
