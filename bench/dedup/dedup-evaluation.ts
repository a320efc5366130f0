import { EXPECTED_RELATION, KIND_DESCRIPTIONS, NEGATIVE_KINDS, VARIANT_KINDS, type DedupSet, type ProbeKind } from './dedup-set';

/** A relation the detector stored, by bench keys: `fromKey` is the article being indexed, `toKey` the earlier one. */
export interface FoundRelation {
  readonly fromKey: string;
  readonly toKey: string;
  readonly relation: string;
  readonly similarity: number;
}

/** What the detector found on a {@link DedupSet}. */
export interface DetectionRun {
  /** Relations found while storing the originals, each against those stored before it: all of them are false. */
  readonly originalRelations: readonly FoundRelation[];
  /** Relations each probe found against the stored originals, by probe key. */
  readonly probeRelations: ReadonlyMap<string, readonly FoundRelation[]>;
}

export interface KindScore {
  readonly kind: ProbeKind;
  readonly expected: string | null;
  readonly n: number;
  /** Probes that found their original (variants), or found anything (distinct stories). */
  readonly found: number;
  /** Of those found, labelled as expected. */
  readonly labelledRight: number;
  /** Labels given to the pair with the original (variants) or to any relation (distinct stories). */
  readonly labels: Readonly<Record<string, number>>;
  /** Relations to an article other than the probe's own original. */
  readonly wrongRelations: number;
  /** Exact shingle Jaccard to the original (variants) or to the closest original (distinct): p5, p50, p95. */
  readonly exactJaccard: readonly [number, number, number];
  /** Exact Jaccard of the variants that did not find their original. */
  readonly missedExactJaccard: readonly number[];
  /** The detector's similarity on pairs found with an unexpected label. */
  readonly wrongLabelSimilarity: readonly number[];
}

export interface PairwiseScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface DedupScore {
  readonly kinds: readonly KindScore[];
  /** A pair counts when the variant is related to its original, whatever the label. */
  readonly detection: PairwiseScore;
  /** A pair counts only with the expected label; a wrong label is both a false positive and a miss. */
  readonly labelled: PairwiseScore;
  /** Share of the relations probes found that point at the right original. */
  readonly relationPrecision: number;
  readonly falsePositives: { readonly fromVariants: number; readonly fromDistinct: number; readonly amongOriginals: number };
  /** Pairs of different stories within one BBC category (stored–stored and distinct probe–stored) and how many were related. */
  readonly sameSection: { readonly pairs: number; readonly related: number };
  /** Pairs of different stories from one source (stored–stored and distinct probe–stored) and how many were related. */
  readonly sameSource: { readonly pairs: number; readonly related: number };
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function pairwise(tp: number, fp: number, fn: number): PairwiseScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

interface KindTally {
  score: KindScore;
  /** Variants, variants that found their original, and those labelled as expected. */
  positives: number;
  tp: number;
  labelledTp: number;
  /** Relations the kind's probes found. */
  relations: number;
}

/** One kind's probes: what they found, how it was labelled, and what they related to wrongly. */
function scoreKind(set: DedupSet, run: DetectionRun, kind: ProbeKind): KindTally {
  const probes = set.probes.filter((probe) => probe.kind === kind);
  const tally = { positives: 0, tp: 0, labelledTp: 0, relations: 0 };
  let wrongRelations = 0;
  const labels: Record<string, number> = {};
  const missedExactJaccard: number[] = [];
  const wrongLabelSimilarity: number[] = [];
  let found = 0;
  for (const probe of probes) {
    const relations = run.probeRelations.get(probe.key) ?? [];
    tally.relations += relations.length;
    const own = probe.originalKey === null ? undefined : relations.find((relation) => relation.toKey === probe.originalKey);
    wrongRelations += relations.filter((relation) => relation !== own).length;
    if (probe.originalKey !== null) {
      tally.positives++;
      if (!own) {
        missedExactJaccard.push(probe.exactJaccard);
        continue;
      }
      found++;
      tally.tp++;
      labels[own.relation] = (labels[own.relation] ?? 0) + 1;
      if (own.relation === probe.expected) tally.labelledTp++;
      else wrongLabelSimilarity.push(own.similarity);
    } else if (relations.length > 0) {
      found++;
      for (const relation of relations) labels[relation.relation] = (labels[relation.relation] ?? 0) + 1;
    }
  }
  const jaccards = probes.map((probe) => probe.exactJaccard);
  const score: KindScore = {
    kind,
    expected: EXPECTED_RELATION[kind],
    n: probes.length,
    found,
    labelledRight: tally.labelledTp,
    labels,
    wrongRelations,
    exactJaccard: [quantile(jaccards, 0.05), quantile(jaccards, 0.5), quantile(jaccards, 0.95)],
    missedExactJaccard,
    wrongLabelSimilarity,
  };
  return { score, ...tally };
}

type Story = { section: string; sourceSlug: string };

/** Hard negatives: pairs of different stories sharing a BBC category, or a source, and how many were related. */
function hardNegatives(set: DedupSet, run: DetectionRun): Pick<DedupScore, 'sameSection' | 'sameSource'> {
  const originals = new Map(set.originals.map((original) => [original.key, original]));
  const distinct = set.probes.filter((probe) => probe.originalKey === null);
  const stored = set.originals;
  const countPairs = (same: (a: Story, b: Story) => boolean) => {
    let pairs = 0;
    for (let i = 0; i < stored.length; i++) for (let j = i + 1; j < stored.length; j++) if (same(stored[i], stored[j])) pairs++;
    for (const probe of distinct) for (const original of stored) if (same(probe, original)) pairs++;
    return pairs;
  };
  const sameSectionTest = (a: { section: string }, b: { section: string }) => a.section === b.section && a.section !== 'web';
  const sameSourceTest = (a: { sourceSlug: string }, b: { sourceSlug: string }) => a.sourceSlug === b.sourceSlug;
  const negativeRelations = [
    ...run.originalRelations.map((relation) => [originals.get(relation.fromKey), originals.get(relation.toKey)] as const),
    ...distinct.flatMap((probe) =>
      (run.probeRelations.get(probe.key) ?? []).map((relation) => [probe, originals.get(relation.toKey)] as const),
    ),
  ];
  const relatedWhere = (same: (a: Story, b: Story) => boolean) => negativeRelations.filter(([a, b]) => a && b && same(a, b)).length;
  return {
    sameSection: { pairs: countPairs(sameSectionTest), related: relatedWhere(sameSectionTest) },
    sameSource: { pairs: countPairs(sameSourceTest), related: relatedWhere(sameSourceTest) },
  };
}

/** Scores a detection run: per kind, pairwise over all pairs, and on the hard negatives. */
export function scoreDedup(set: DedupSet, run: DetectionRun): DedupScore {
  const tallies = [...VARIANT_KINDS, ...NEGATIVE_KINDS].map((kind) => scoreKind(set, run, kind));
  const sum = (field: 'positives' | 'tp' | 'labelledTp' | 'relations') => tallies.reduce((total, t) => total + t[field], 0);
  const [positives, tp, labelledTp, probeRelationCount] = [sum('positives'), sum('tp'), sum('labelledTp'), sum('relations')];
  const predicted = run.originalRelations.length + probeRelationCount;
  const falsePositives = { fromVariants: 0, fromDistinct: 0, amongOriginals: run.originalRelations.length };
  for (const { score } of tallies) {
    if (score.expected !== null) falsePositives.fromVariants += score.wrongRelations;
    else falsePositives.fromDistinct += score.wrongRelations;
  }
  return {
    kinds: tallies.map((t) => t.score),
    detection: pairwise(tp, predicted - tp, positives - tp),
    labelled: pairwise(labelledTp, predicted - labelledTp, positives - labelledTp),
    relationPrecision: probeRelationCount === 0 ? 1 : tp / probeRelationCount,
    falsePositives,
    ...hardNegatives(set, run),
  };
}

/** Left-aligned first column, right-aligned figures. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const percent = (value: number) => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)} %`);
const ratio = (part: number, whole: number) => (whole === 0 ? '–' : percent(part / whole));
const LABEL_ABBREVIATIONS: Record<string, string> = { 'same-article-update': 'upd', 'syndicated-copy': 'syn', rewrite: 'rw' };

function kindRow(k: KindScore): string[] {
  const labels = Object.entries(k.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, count]) => `${LABEL_ABBREVIATIONS[label] ?? label} ${count}`)
    .join(', ');
  const negative = k.expected === null;
  return [
    k.kind,
    k.expected ?? 'none',
    String(k.n),
    negative ? '–' : ratio(k.found, k.n),
    negative ? '–' : ratio(k.labelledRight, k.found),
    negative ? '–' : ratio(k.labelledRight, k.n),
    negative ? `${k.found} (${percent(k.found / Math.max(1, k.n))})` : String(k.wrongRelations),
    labels || '–',
    k.exactJaccard.map((v) => v.toFixed(2)).join(' / '),
  ];
}

/** Per kind, the exact Jaccard of the misses and the detector's similarity on the unexpected labels. */
function errorLines(kinds: readonly KindScore[]): string[] {
  const spread = (values: readonly number[]) =>
    `${quantile(values, 0.05).toFixed(2)} / ${quantile(values, 0.5).toFixed(2)} / ${quantile(values, 0.95).toFixed(2)}`;
  return kinds.flatMap((k) => [
    ...(k.missedExactJaccard.length > 0
      ? [`  ${k.kind}: ${k.missedExactJaccard.length} missed, exact J p5/p50/p95 ${spread(k.missedExactJaccard)}`]
      : []),
    ...(k.wrongLabelSimilarity.length > 0
      ? [
          `  ${k.kind}: ${k.wrongLabelSimilarity.length} labelled otherwise, detector similarity p5/p50/p95 ${spread(k.wrongLabelSimilarity)}`,
        ]
      : []),
  ]);
}

/** The per-kind table, the pairwise figures and the hard negatives, as printed by the bench. */
export function formatDedupReport(score: DedupScore): string {
  const kindRows = score.kinds.map(kindRow);
  const errors = errorLines(score.kinds);
  const pairRow = (name: string, s: PairwiseScore) => [
    name,
    String(s.tp),
    String(s.fp),
    String(s.fn),
    percent(s.precision),
    percent(s.recall),
    percent(s.f1),
  ];
  return [
    formatTable(
      ['kind', 'expected', 'n', 'recall', 'label acc', 'right end-to-end', 'false rel. / hit', 'labels given', 'exact J p5/p50/p95'],
      kindRows,
    ),
    '',
    '  recall: the variant found its original; label acc: of those found, labelled as expected; right end-to-end: both.',
    '  false rel. / hit: relations to any other article (variants); distinct stories related to anything (negatives).',
    '  labels: upd = same-article-update, syn = syndicated-copy, rw = rewrite.',
    ...[...VARIANT_KINDS, ...NEGATIVE_KINDS].map((kind) => `  ${kind}: ${KIND_DESCRIPTIONS[kind]}`),
    ...(errors.length > 0 ? ['', 'misses and unexpected labels:', ...errors] : []),
    '',
    formatTable(
      ['pairwise (all pairs)', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'],
      [pairRow('detected (any label)', score.detection), pairRow('detected with the right label', score.labelled)],
    ),
    '',
    `relation precision (probe relations pointing at the right original): ${percent(score.relationPrecision)}`,
    `false positives: ${score.falsePositives.fromVariants} from variants to other articles, ${score.falsePositives.fromDistinct} from distinct stories, ${score.falsePositives.amongOriginals} among stored originals`,
    `hard negatives: ${score.sameSection.pairs} same-category pairs of different stories, ${score.sameSection.related} related; ${score.sameSource.pairs} same-source pairs, ${score.sameSource.related} related`,
  ].join('\n');
}
