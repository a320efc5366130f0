import { contentWords } from './content-words.util';

/** WIRE CONTRACT (stored in article_relations): how a near duplicate relates to the earlier article. */
export type DuplicateRelation = 'same-article-update' | 'syndicated-copy' | 'rewrite';

/** What is known about a candidate pair. */
export interface RelationEvidence {
  /** Both articles come from the same source. */
  sameSource: boolean;
  /** Body similarity: the MinHash Jaccard estimate of title + body word 3-shingles ({@link jaccard}), 0 to 1. */
  similarity: number;
  /** Headline similarity, 0 to 1 ({@link titleSimilarity}). */
  titleSimilarity: number;
  /** Hours between the two publications (either order). */
  timeGapHours: number;
}

/**
 * Thresholds, set from synthetic copies of 157 BBC articles (near-duplicate.evaluation.spec.ts). Measured
 * similarity ranges: light edits 0.67–0.97, headline changes 0.89–1, boilerplate changes 0.66–0.96, syndicated
 * copies (dateline, trimmed end, agency footer) 0.33–0.91, rewrites (40 % of sentences dropped, 10 % of words
 * changed, new lead) 0.09–0.52, distinct stories of the same section at most 0.13.
 */
export const RELATION_THRESHOLDS = {
  /** Below this the articles are unrelated. */
  related: 0.15,
  /** From here, the same text. */
  sameText: 0.5,
  /** From here, a copy even under another headline. */
  copy: 0.7,
  /** A headline this close turns a borderline pair into the same story. */
  sameHeadline: 0.5,
  /** A same-source pair this close in time and headline is an update even when heavily rewritten. */
  updateWindowHours: 48,
} as const;

/**
 * Labels a near-duplicate pair, or returns null when they are not related:
 * - same source: the same text (≥ 0.5) is an update of the article; a heavier rewrite is still an update when
 *   the headline stays close and less than 48 h passed (a developing story), otherwise a `rewrite`;
 * - other source: ≥ 0.7, or ≥ 0.5 with a close headline, is a `syndicated-copy`; below that a `rewrite`.
 */
export function classifyRelation(evidence: RelationEvidence): DuplicateRelation | null {
  const t = RELATION_THRESHOLDS;
  const { similarity, titleSimilarity } = evidence;
  if (similarity < t.related) return null;
  const closeHeadline = titleSimilarity >= t.sameHeadline;
  if (evidence.sameSource) {
    if (similarity >= t.sameText) return 'same-article-update';
    return closeHeadline && Math.abs(evidence.timeGapHours) <= t.updateWindowHours ? 'same-article-update' : 'rewrite';
  }
  if (similarity >= t.copy || (similarity >= t.sameText && closeHeadline)) return 'syndicated-copy';
  return 'rewrite';
}

/** Jaccard similarity of two headlines' word sets ({@link contentWords}); 1 for two empty headlines. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(contentWords(a));
  const right = new Set(contentWords(b));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
