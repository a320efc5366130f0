/**
 * `npm run bench:dedup`: precision and recall of near-duplicate detection (`DuplicateDetector` with the real
 * repository on a scratch PostgreSQL database) on a test set built from the shared BBC News and extraction-benchmark
 * texts, then lookup time with 1k and 100k stored articles.
 *
 * Options: --sizes=1000,100000 (stored articles to time lookups at), --lookups=200 (per size and probe type),
 * --seed=N (test set and synthetic store).
 */
import { formatDedupReport, formatTable, percent, scoreDedup } from './dedup-evaluation';
import { loadCorpus, type Corpus } from './dedup-corpus';
import { buildDedupSet, NEGATIVE_KINDS, VARIANT_KINDS, type DedupSet } from './dedup-set';
import { runDetection } from './detection-run';
import { LOOKUP_MODES, measureLookups, type LookupFigures } from './lookup-timing';
import { ADMIN_DATABASE_URL, interruption, withScratchDatabase } from './scratch-database';
import { SeededRandom } from './seeded-random';
import { buildPassagePool, SyntheticStore, type SyntheticArticle } from './synthetic-store';

// Timed lookups per size and mode stop after this long: the unindexed plan takes ~1 s a lookup at 100k.
const LOOKUP_BUDGET_SECONDS = 25;

interface BenchOptions {
  sizes: number[];
  lookups: number;
  seed: number;
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [1_000, 100_000], lookups: 200, seed: 20_260_105 };
  for (const arg of argv) {
    const [, key, value] = /^--([a-z]+)=(.+)$/.exec(arg) ?? [];
    if (key === 'sizes')
      options.sizes = value
        .split(',')
        .map(Number)
        .sort((a, b) => a - b);
    else if (key === 'lookups') options.lookups = Number(value);
    else if (key === 'seed') options.seed = Number(value);
    else throw new Error(`unknown option ${arg} (known: --sizes=1000,100000 --lookups=200 --seed=N)`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1) || !(options.lookups > 0))
    throw new Error('sizes and lookups must be positive integers');
  return options;
}

/** Fresh lookup probes are real BBC articles kept out of the synthetic store's sentence pool. */
function lookupMaterial(corpus: Corpus, seed: number): { store: SyntheticStore; fresh: SyntheticArticle[] } {
  const shuffled = new SeededRandom(seed).fork('lookup').shuffle(corpus.bbc);
  const freshCount = Math.max(1, Math.min(200, Math.floor(shuffled.length / 5)));
  const fresh = shuffled.slice(0, freshCount).map((text) => ({ title: text.title, body: text.body }));
  const pool = buildPassagePool([...shuffled.slice(freshCount), ...corpus.web].map((text) => text.body));
  return { store: new SyntheticStore(pool, seed), fresh };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function formatLookups(figures: readonly LookupFigures[]): string {
  const row = (name: string, cell: (f: LookupFigures) => string) => [name, ...figures.map(cell)];
  return formatTable(
    ['DuplicateDetector.index', ...figures.map((f) => `${f.stored.toLocaleString('en-US')} stored, ${f.mode}`)],
    [
      row('near-duplicate: median', (f) => ms(f.nearDuplicate.medianMs)),
      row('near-duplicate: p95', (f) => ms(f.nearDuplicate.p95Ms)),
      row('near-duplicate: stored twin found', (f) => `${f.nearDuplicate.foundTwin}/${f.nearDuplicate.lookups}`),
      row('fresh article: median', (f) => ms(f.fresh.medianMs)),
      row('fresh article: p95', (f) => ms(f.fresh.p95Ms)),
      row('fresh article: related to anything', (f) => `${f.fresh.related}/${f.fresh.lookups}`),
      row('of which minhashSignature (median)', (f) => ms(f.hashingMedianMs)),
      row('band index (article_minhash_bands, with its b-tree)', (f) => mb(f.bandIndexBytes)),
      row('article_fingerprints total', (f) => mb(f.tableBytes)),
      row('load time to this size', (f) => `${f.loadSeconds.toFixed(1)} s`),
    ],
  );
}

function formatSummary(set: DedupSet, score: ReturnType<typeof scoreDedup>, figures: readonly LookupFigures[], seconds: number): string {
  const byKind = new Map(score.kinds.map((k) => [k.kind, k]));
  const variantLine = (pick: (k: NonNullable<ReturnType<typeof byKind.get>>) => string) =>
    VARIANT_KINDS.map((kind) => {
      const k = byKind.get(kind);
      return k ? `${kind} ${pick(k)}` : kind;
    }).join(', ');
  const distinct = NEGATIVE_KINDS.map((kind) => byKind.get(kind)).filter((k) => k !== undefined);
  const lookupLine = (f: LookupFigures) =>
    `${f.stored.toLocaleString('en-US')} stored, ${f.mode}: near-dup ${f.nearDuplicate.medianMs.toFixed(1)} / ${f.nearDuplicate.p95Ms.toFixed(1)} ms, fresh ${f.fresh.medianMs.toFixed(1)} / ${f.fresh.p95Ms.toFixed(1)} ms (median / p95 of ${f.nearDuplicate.lookups}), band index ${mb(f.bandIndexBytes)}`;
  const growth = LOOKUP_MODES.map((mode) => {
    const sized = figures.filter((f) => f.mode === mode);
    const [smallest, largest] = [sized[0], sized[sized.length - 1]];
    return sized.length > 1
      ? `${mode} ×${(largest.nearDuplicate.medianMs / smallest.nearDuplicate.medianMs).toFixed(1)} near-dup, ×${(largest.fresh.medianMs / smallest.fresh.medianMs).toFixed(1)} fresh`
      : '';
  }).filter(Boolean);
  return [
    '== summary ==',
    `test set (seed ${set.seed}): ${set.originals.length} stored originals, ${set.probes.length - distinct.reduce((n, k) => n + k.n, 0)} variants, ${distinct.reduce((n, k) => n + k.n, 0)} distinct stories`,
    `pairwise, any label: precision ${percent(score.detection.precision)}, recall ${percent(score.detection.recall)}, F1 ${percent(score.detection.f1)}`,
    `pairwise, right label: precision ${percent(score.labelled.precision)}, recall ${percent(score.labelled.recall)}, F1 ${percent(score.labelled.f1)}`,
    `recall: ${variantLine((k) => percent(k.found / k.n))}`,
    `label accuracy (of found): ${variantLine((k) => percent(k.labelledRight / Math.max(1, k.found)))}`,
    `distinct stories related to anything: ${distinct.reduce((n, k) => n + k.found, 0)}/${distinct.reduce((n, k) => n + k.n, 0)}; same-category pairs related: ${score.sameSection.related}/${score.sameSection.pairs}; same-source pairs related: ${score.sameSource.related}/${score.sameSource.pairs}`,
    ...figures.map((f) => `lookup at ${lookupLine(f)}`),
    growth.length > 0 ? `lookup median growth from the smallest to the largest index: ${growth.join('; ')}` : '',
    `total ${seconds.toFixed(0)} s`,
  ]
    .filter(Boolean)
    .join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  const corpus = loadCorpus();
  const set = buildDedupSet(corpus, { seed: options.seed });
  const counts = (kinds: readonly string[]) =>
    kinds.map((kind) => `${kind} ${set.probes.filter((p) => p.kind === kind).length}`).join(', ');
  console.log(
    `bench:dedup — test set from ${corpus.bbc.length} BBC articles and ${corpus.web.length} extraction-benchmark pages (../shared), seed ${set.seed}`,
  );
  console.log(
    `  ${set.originals.length} stored originals (${new Set(set.originals.map((o) => o.sourceSlug)).size} sources); ${set.leftOut} texts left out for overlapping a chosen one (exact shingle Jaccard ≥ 0.1), ${set.unusable} too short/long`,
  );
  console.log(`  variants: ${counts(VARIANT_KINDS)}`);
  console.log(`  distinct: ${counts(NEGATIVE_KINDS)}`);

  const host = new URL(ADMIN_DATABASE_URL).host;
  await withScratchDatabase(async (dataSource, name) => {
    console.log(`  scratch database ${name} on ${host}\n`);
    const run = await runDetection(dataSource, set);
    const score = scoreDedup(set, run);
    console.log(
      `== duplicate detection (${set.originals.length + set.probes.length} DuplicateDetector.index calls in ${run.seconds.toFixed(1)} s) ==`,
    );
    console.log(formatDedupReport(score));
    if (run.readBackMismatches > 0)
      console.log(`WARNING: ${run.readBackMismatches} probes' stored relations differ from what index() returned`);

    const { store, fresh } = lookupMaterial(corpus, options.seed);
    // The load composes signatures from sentence pieces; check that they equal minhashSignature() of the whole text.
    store.verify(Array.from({ length: 50 }, (_, i) => i * 7));
    console.log(
      `\n== lookup time (synthetic articles of corpus passages; up to ${options.lookups} timed lookups per size, mode and probe type, or ${LOOKUP_BUDGET_SECONDS} s, each rolled back) ==`,
    );
    const figures = await measureLookups(dataSource, store, fresh, {
      sizes: options.sizes,
      lookups: options.lookups,
      budgetSeconds: LOOKUP_BUDGET_SECONDS,
      batchSize: 2_000,
      seed: options.seed,
    });
    console.log(formatLookups(figures));
    for (const f of figures) console.log(`  candidate query plan at ${f.stored.toLocaleString('en-US')}, ${f.mode}: ${f.candidatePlan}`);
    console.log();
    console.log(`\n${formatSummary(set, score, figures, (performance.now() - started) / 1000)}`);
  });
}

main().catch((err: unknown) => {
  if (interruption()) return;
  console.error(err);
  process.exitCode = 1;
});
