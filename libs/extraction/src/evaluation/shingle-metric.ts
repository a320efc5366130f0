/**
 * The article-extraction-benchmark metric (scrapinghub evaluate.py, as ported in the shared `score.mjs`):
 * texts become 4-token shingles of Unicode word tokens; per page TP/FP/FN are normalised to sum 1;
 * precision and recall are averaged over pages; F1 is the harmonic mean of the two averages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Per-page shares of shingles matched (tp), extra (fp) and missed (fn); they sum to 1 unless both are empty. */
export interface ShingleCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** Benchmark figures over a set of pages. */
export interface BodyScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  /** Pages whose prediction was empty. */
  readonly empty: number;
  readonly pages: number;
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle matching of one prediction against its truth. */
export function compareShingles(truth: string, prediction: string): ShingleCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** Scores predictions against truths, page by page (same order), with the benchmark's macro averaging. */
export function scoreBodies(pairs: ReadonlyArray<{ truth: string; prediction: string }>): BodyScore {
  const rows = pairs.map(({ truth, prediction }) => compareShingles(truth, prediction));
  const precision = mean(rows.filter((r) => r.tp + r.fp > 0).map(precisionOf));
  const recall = mean(rows.filter((r) => r.tp + r.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const empty = pairs.filter((p) => (p.prediction.match(TOKEN) ?? []).length === 0).length;
  return { f1, precision, recall, empty, pages: pairs.length };
}

/** F1 of one page, for per-page reports. */
export function pageF1(truth: string, prediction: string): number {
  const counts = compareShingles(truth, prediction);
  const p = precisionOf(counts);
  const r = recallOf(counts);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
