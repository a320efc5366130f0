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
  /**
   * Share of the shorter text's shingles found in the longer one ({@link containmentFromJaccard}), when known.
   * A copy trimmed at the end keeps nearly all of its text in the original (≥ 0.9) though its Jaccard falls with
   * every cut paragraph; a rewrite changes words throughout, so its containment falls with its similarity.
   */
  containment?: number;
  /**
   * Shingles of the longer text, when known: when both texts are short, shared template sentences can be half of
   * them, so the pair needs closer similarity ({@link RELATION_THRESHOLDS}).
   */
  longerShingles?: number;
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
  /** From here, one text is (nearly) all inside the other: a trimmed or extended copy, not a rewrite. */
  contained: 0.85,
  /** ...as long as the texts share at least this much, so a short quote box inside a long article is no copy. */
  containedSimilarity: 0.3,
  /**
   * Two texts both under this many shingles (about three sentences each) are short: a source's template sentences
   * can then be half of each, and unrelated same-source stories reached 0.52. A short pair is only related from
   * `shortTextSimilarity` on, where a light edit of a short text still lands (one changed word costs 3 shingles).
   * The dedup bench set has no such pair (its shortest original has 73 shingles): its figures stay as they were.
   */
  shortText: 70,
  shortTextSimilarity: 0.7,
} as const;

/**
 * Labels a near-duplicate pair, or returns null when they are not related (a trimmed copy, nearly all contained in
 * the other text, counts as a copy whatever its Jaccard; two short texts need 0.7 for any relation):
 * - same source: the same text (≥ 0.5) is an update of the article; a heavier rewrite is still an update when
 *   the headline stays close and less than 48 h passed (a developing story), otherwise a `rewrite`;
 * - other source: ≥ 0.7, or ≥ 0.5 with a close headline, is a `syndicated-copy`; below that a `rewrite`.
 */
export function classifyRelation(evidence: RelationEvidence): DuplicateRelation | null {
  const t = RELATION_THRESHOLDS;
  const { similarity, titleSimilarity } = evidence;
  if (similarity < t.related) return null;
  if ((evidence.longerShingles ?? Infinity) < t.shortText && similarity < t.shortTextSimilarity) return null;
  const closeHeadline = titleSimilarity >= t.sameHeadline;
  if (evidence.sameSource) {
    if (similarity >= t.sameText) return 'same-article-update';
    return closeHeadline && Math.abs(evidence.timeGapHours) <= t.updateWindowHours ? 'same-article-update' : 'rewrite';
  }
  const contained = (evidence.containment ?? 0) >= t.contained && similarity >= t.containedSimilarity;
  if (similarity >= t.copy || (similarity >= t.sameText && closeHeadline) || contained) return 'syndicated-copy';
  return 'rewrite';
}

/**
 * The share of the smaller shingle set inside the larger, from their Jaccard similarity and sizes:
 * |A ∩ B| = J (|A| + |B|) / (1 + J). With MinHash's estimate of J this is an estimate too (±0.05 or so).
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller <= 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / (1 + jaccard) / smaller);
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
