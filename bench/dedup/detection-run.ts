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

/** What every stored article needs: the runner, the detector, source ids by slug, and bench keys by article id. */
interface DetectionRig {
  runner: QueryRunner;
  detector: DuplicateDetector;
  sourceIds: ReadonlyMap<string, string>;
  keyById: Map<string, string>;
}

/** Stores the originals, each committed in its own transaction; returns the relations they found among themselves. */
async function storeOriginals(rig: DetectionRig, set: DedupSet): Promise<FoundRelation[]> {
  const { runner } = rig;
  const originalRelations: FoundRelation[] = [];
  for (const original of set.originals) {
    const id = randomUUID();
    rig.keyById.set(id, original.key);
    await runner.startTransaction();
    try {
      const relations = await store(runner, rig.detector, id, original, rig.sourceIds);
      originalRelations.push(
        ...relations.map((r) => ({
          fromKey: original.key,
          toKey: rig.keyById.get(r.related) ?? r.related,
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
  return originalRelations;
}

const relationSignature = (rows: Array<{ related: string; relation: string }>) =>
  rows
    .map((r) => `${r.related}:${r.relation}`)
    .sort()
    .join(',');

/** Indexes one probe in a transaction that is rolled back: its relations as read back, and whether they match. */
async function probeOnce(rig: DetectionRig, probe: BenchArticle): Promise<{ relations: FoundRelation[]; mismatch: boolean }> {
  const { runner } = rig;
  const id = randomUUID();
  await runner.startTransaction();
  try {
    const returned = await store(runner, rig.detector, id, probe, rig.sourceIds);
    const stored: Array<{ related_article_id: string; relation: string; similarity: number }> = await runner.manager.query(
      `SELECT related_article_id, relation, similarity FROM article_relations WHERE article_id = $1 ORDER BY related_article_id`,
      [id],
    );
    const readBack = stored.map((r) => ({ related: r.related_article_id, relation: r.relation }));
    return {
      mismatch: relationSignature(returned) !== relationSignature(readBack),
      relations: stored.map((r) => ({
        fromKey: probe.key,
        toKey: rig.keyById.get(r.related_article_id) ?? r.related_article_id,
        relation: r.relation,
        similarity: Number(r.similarity),
      })),
    };
  } finally {
    await runner.rollbackTransaction();
  }
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
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rig: DetectionRig = { runner, detector, sourceIds, keyById: new Map() };
    const originalRelations = await storeOriginals(rig, set);
    const probeRelations = new Map<string, FoundRelation[]>();
    let readBackMismatches = 0;
    for (const probe of set.probes) {
      const { relations, mismatch } = await probeOnce(rig, probe);
      if (mismatch) readBackMismatches++;
      probeRelations.set(probe.key, relations);
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
