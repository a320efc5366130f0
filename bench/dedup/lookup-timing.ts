import { createHash, randomUUID } from 'node:crypto';
import { loadConfig } from '@copydesk/config';
import { RelationRepository } from '@copydesk/database';
import { contentHash, minhashBands, minhashSignature } from '@copydesk/normalize';
import { DuplicateDetector } from '@copydesk/pipeline';
import type { DataSource, QueryRunner } from 'typeorm';
import { quantile } from './dedup-evaluation';
import { createSources, insertArticle } from './scratch-database';
import { SeededRandom } from './seeded-random';
import type { SyntheticArticle, SyntheticStore } from './synthetic-store';
import { changeWords, correctionSentence, fromParagraphs, toParagraphs } from './text-edits';

/** `as shipped`: the detector's queries as PostgreSQL plans them (no planner settings forced). */
export type LookupMode = 'as shipped';
export const LOOKUP_MODES: readonly LookupMode[] = ['as shipped'];

export interface LookupOptions {
  /** Index sizes to measure at, ascending. */
  readonly sizes: readonly number[];
  /** Timed lookups per size, mode and probe type (fewer when the time budget runs out first). */
  readonly lookups: number;
  /** Seconds of timed lookups per size and mode at most. */
  readonly budgetSeconds: number;
  readonly batchSize: number;
  readonly seed: number;
}

export interface TimingSummary {
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface LookupFigures {
  readonly stored: number;
  readonly mode: LookupMode;
  /** A light edit of a stored article, from the same source. */
  readonly nearDuplicate: TimingSummary & { readonly foundTwin: number; readonly lookups: number };
  /** A real article whose sentences are not in the synthetic store. */
  readonly fresh: TimingSummary & { readonly related: number; readonly lookups: number };
  /** `minhashSignature` alone on the same probe texts: the CPU share of a lookup. */
  readonly hashingMedianMs: number;
  readonly bandIndexBytes: number;
  readonly tableBytes: number;
  /** How PostgreSQL answers the candidate query at this size. */
  readonly candidatePlan: string;
  /** Seconds spent loading rows to reach this size. */
  readonly loadSeconds: number;
}

const SYNTHETIC_SOURCES = 20;
const BASE_TIME = Date.UTC(2026, 0, 1);
const WARM_UP = 5;

/**
 * Fills the index with synthetic articles (multi-row INSERTs of `articles` and `article_fingerprints` rows, the
 * same bytes `DuplicateDetector.index` writes) up to each size, then times `DuplicateDetector.index` for
 * near-duplicates of stored articles and for fresh articles, each in a rolled-back transaction so the size holds.
 */
export async function measureLookups(
  dataSource: DataSource,
  store: SyntheticStore,
  freshArticles: readonly SyntheticArticle[],
  options: LookupOptions,
): Promise<LookupFigures[]> {
  // Start from an empty index: the evaluation's originals are not part of these sizes.
  await dataSource.query(`TRUNCATE article_relations, article_minhash_bands, article_fingerprints, articles CASCADE`);
  const sourceSlugs = Array.from({ length: SYNTHETIC_SOURCES }, (_, i) => `bench-synthetic-${String(i).padStart(2, '0')}`);
  const sourceIdBySlug = await createSources(
    dataSource,
    sourceSlugs.map((slug) => ({ slug, name: slug })),
  );
  const sourceIds = sourceSlugs.map((slug) => sourceIdBySlug.get(slug) ?? '');
  const random = new SeededRandom(options.seed);
  const smallest = options.sizes[0];

  // Near-duplicate targets are spread over the first `smallest` articles, so they are stored at every size.
  const targets = Array.from({ length: options.lookups + WARM_UP }, (_, i) => Math.floor((i * smallest) / (options.lookups + WARM_UP)));
  const vocabulary = [...new Set(freshArticles.flatMap((article) => article.body.match(/\p{L}{3,}/gu) ?? []))];
  const nearDuplicates = targets.map((target) => {
    const r = random.fork(`near:${target}`);
    const { title, body } = store.article(target);
    const paragraphs = changeWords(toParagraphs(body), r.int(2, 5), r, vocabulary);
    paragraphs[paragraphs.length - 1].push(correctionSentence(paragraphs, r));
    return { target, title, body: fromParagraphs(paragraphs) };
  });

  const ids: string[] = [];
  const detector = new DuplicateDetector(new RelationRepository(dataSource), loadConfig());
  const figures: LookupFigures[] = [];
  for (const size of options.sizes) {
    const loadStarted = performance.now();
    await load(dataSource, store, ids, size, sourceIds, options.batchSize);
    await dataSource.query(`VACUUM ANALYZE article_fingerprints`);
    await dataSource.query(`VACUUM ANALYZE article_minhash_bands`);
    await dataSource.query(`ANALYZE articles`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    for (const mode of LOOKUP_MODES)
      figures.push(
        await timeLookups(dataSource, detector, { size, mode, loadSeconds, ids, nearDuplicates, freshArticles, sourceIds, options }),
      );
  }
  return figures;
}

interface TimingRun {
  readonly size: number;
  readonly mode: LookupMode;
  readonly loadSeconds: number;
  readonly ids: readonly string[];
  readonly nearDuplicates: ReadonlyArray<{ target: number; title: string; body: string }>;
  readonly freshArticles: readonly SyntheticArticle[];
  readonly sourceIds: readonly string[];
  readonly options: LookupOptions;
}

/** Indexes one article in a transaction that is rolled back; the time `index()` took and what it related to. */
async function lookupOnce(runner: QueryRunner, detector: DuplicateDetector, article: { title: string; body: string }, sourceId: string) {
  const id = randomUUID();
  const hash = contentHash(`${article.title}\n${article.body}`);
  const publishedAt = new Date(BASE_TIME + 40 * 86_400_000);
  await runner.startTransaction();
  try {
    await insertArticle(runner.manager, { id, sourceId, title: article.title, bodyText: article.body, contentHash: hash, publishedAt });
    const started = performance.now();
    const relations = await detector.index(
      { articleId: id, sourceId, revision: 1, title: article.title, bodyText: article.body, contentHash: hash, publishedAt },
      runner.manager,
    );
    return { ms: performance.now() - started, related: relations.map((r) => r.relatedArticleId) };
  } finally {
    await runner.rollbackTransaction();
  }
}

/** The plan PostgreSQL picks for the repository's candidate query, verbatim, with one sample's band keys. */
async function candidatePlan(runner: QueryRunner, sample: { title: string; body: string }): Promise<string> {
  const sampleBands = minhashBands(minhashSignature(`${sample.title}\n${sample.body}`)).map((key) => key | 0);
  await runner.startTransaction();
  try {
    const plan = (await runner.query(
      `EXPLAIN SELECT f.article_id, f.source_id, f.minhash, f.shingle_count, f.title, f.published_at
       FROM (SELECT article_id, count(*) AS shared FROM article_minhash_bands WHERE band_key = ANY($1::integer[]) AND article_id <> $2
             GROUP BY article_id ORDER BY shared DESC LIMIT $3) c
       JOIN article_fingerprints f ON f.article_id = c.article_id ORDER BY c.shared DESC`,
      [sampleBands, randomUUID(), 200],
    )) as Array<{ 'QUERY PLAN': string }>;
    return summarizePlan(plan.map((row) => row['QUERY PLAN']));
  } finally {
    await runner.rollbackTransaction();
  }
}

const hashingTimes = (articles: ReadonlyArray<{ title: string; body: string }>): number[] =>
  articles.map((article) => {
    const started = performance.now();
    minhashSignature(`${article.title}\n${article.body}`);
    return performance.now() - started;
  });

async function timeLookups(dataSource: DataSource, detector: DuplicateDetector, run: TimingRun): Promise<LookupFigures> {
  const { ids, nearDuplicates, sourceIds, options } = run;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const fresh = (i: number) => run.freshArticles[i % run.freshArticles.length];
    // Alternate the two probe types so that drift (autovacuum, caches) affects both alike; the first rounds warm up.
    const nearMs: number[] = [];
    const freshMs: number[] = [];
    let foundTwin = 0;
    let related = 0;
    const deadline = performance.now() + options.budgetSeconds * 1000;
    for (let i = 0; i < options.lookups + WARM_UP && (i < WARM_UP || performance.now() < deadline); i++) {
      const near = nearDuplicates[i % nearDuplicates.length];
      const a = await lookupOnce(runner, detector, near, sourceIds[near.target % sourceIds.length]);
      const b = await lookupOnce(runner, detector, fresh(i), sourceIds[i % sourceIds.length]);
      if (i < WARM_UP) continue;
      nearMs.push(a.ms);
      freshMs.push(b.ms);
      if (a.related.includes(ids[near.target])) foundTwin++;
      if (b.related.length > 0) related++;
    }
    const timed = nearMs.length;
    const hashingMs = hashingTimes([
      ...nearDuplicates.slice(WARM_UP, WARM_UP + timed),
      ...Array.from({ length: timed }, (_, i) => fresh(WARM_UP + i)),
    ]);
    const [sizes] = await dataSource.query<Array<{ index_bytes: string; table_bytes: string }>>(
      `SELECT pg_total_relation_size('article_minhash_bands')::bigint AS index_bytes, pg_total_relation_size('article_fingerprints')::bigint AS table_bytes`,
    );
    return {
      stored: run.size,
      mode: run.mode,
      nearDuplicate: { medianMs: quantile(nearMs, 0.5), p95Ms: quantile(nearMs, 0.95), foundTwin, lookups: timed },
      fresh: { medianMs: quantile(freshMs, 0.5), p95Ms: quantile(freshMs, 0.95), related, lookups: timed },
      hashingMedianMs: quantile(hashingMs, 0.5),
      bandIndexBytes: Number(sizes.index_bytes),
      tableBytes: Number(sizes.table_bytes),
      candidatePlan: await candidatePlan(runner, nearDuplicates[WARM_UP % nearDuplicates.length]),
      loadSeconds: run.loadSeconds,
    };
  } finally {
    await runner.release();
  }
}

function summarizePlan(lines: readonly string[]): string {
  const nodes = lines
    .map((line) => /(?:->\s*)?([A-Z][A-Za-z ]+?(?: on \w+)?)\s+\(/.exec(line.trim())?.[1])
    .filter((node): node is string => !!node);
  return nodes.join(' > ');
}

/** One batch of synthetic articles `from` .. `to - 1` as column arrays; their new ids are appended to `ids`. */
function syntheticBatch(store: SyntheticStore, ids: string[], from: number, to: number, sourceIds: readonly string[]) {
  const rows = {
    ids: [] as string[],
    sources: [] as string[],
    titles: [] as string[],
    hashes: [] as string[],
    published: [] as Date[],
    minhashes: [] as Buffer[],
    shingleCounts: [] as number[],
    bands: [] as string[],
  };
  for (let i = from; i < to; i++) {
    const { title, signature, shingleCount } = store.fingerprint(i);
    const id = randomUUID();
    ids.push(id);
    rows.ids.push(id);
    rows.sources.push(sourceIds[i % sourceIds.length]);
    rows.titles.push(title);
    // Any distinct SHA-256 behaves like contentHash() in the btree; hashing 100k full texts would add ~15 s.
    rows.hashes.push(createHash('sha256').update(`synthetic article ${i}`).digest('hex'));
    rows.published.push(new Date(BASE_TIME + (i % 30) * 86_400_000 + (i % 1440) * 60_000));
    rows.minhashes.push(Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength));
    rows.shingleCounts.push(shingleCount);
    // Signed: PostgreSQL integers are signed, the detector stores `key | 0`.
    rows.bands.push(
      `{${minhashBands(signature)
        .map((key) => key | 0)
        .join(',')}}`,
    );
  }
  return rows;
}

async function writeBatch(dataSource: DataSource, rows: ReturnType<typeof syntheticBatch>): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // A bulk load: no need to wait for each batch's WAL flush.
    await manager.query('SET LOCAL synchronous_commit = off');
    await manager.query(
      `INSERT INTO articles (id, source_id, title, status, content_hash, revision, published_at)
       SELECT id, source_id, title, 'extracted', content_hash, 1, published_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS r(id, source_id, title, content_hash, published_at)`,
      [rows.ids, rows.sources, rows.titles, rows.hashes, rows.published],
    );
    await manager.query(
      `INSERT INTO article_fingerprints (article_id, source_id, revision, minhash, shingle_count, title, published_at)
       SELECT id, source_id, 1, minhash, shingle_count, title, published_at
       FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::integer[], $5::text[], $6::timestamptz[]) AS r(id, source_id, minhash, shingle_count, title, published_at)`,
      [rows.ids, rows.sources, rows.minhashes, rows.shingleCounts, rows.titles, rows.published],
    );
    // The band rows, exactly as RelationRepository.saveFingerprint writes them.
    await manager.query(
      `INSERT INTO article_minhash_bands (band_key, article_id)
       SELECT DISTINCT unnest(bands::integer[]), id FROM unnest($1::uuid[], $2::text[]) AS r(id, bands) ON CONFLICT DO NOTHING`,
      [rows.ids, rows.bands],
    );
  });
}

/** Loads synthetic articles `ids.length` .. `size - 1`, in batches; the next batch is hashed while one is written. */
async function load(
  dataSource: DataSource,
  store: SyntheticStore,
  ids: string[],
  size: number,
  sourceIds: readonly string[],
  batchSize: number,
): Promise<void> {
  let pending: Promise<void> | undefined;
  for (let from = ids.length; from < size; from += batchSize) {
    const rows = syntheticBatch(store, ids, from, Math.min(size, from + batchSize), sourceIds);
    await pending;
    pending = writeBatch(dataSource, rows);
  }
  await pending;
}
