import {
  classifyRelation,
  containmentFromJaccard,
  RELATION_THRESHOLDS,
  titleSimilarity,
  type RelationEvidence,
} from './duplicate-relation.classifier';
import { jaccard, minhashOfShingles } from './minhash.hasher';
import { wordShingles } from './word-shingles.util';

const evidence = (overrides: Partial<RelationEvidence>): RelationEvidence => ({
  sameSource: false,
  similarity: 0.9,
  titleSimilarity: 1,
  timeGapHours: 2,
  ...overrides,
});

describe('classifyRelation', () => {
  it('returns null for unrelated articles', () => {
    expect(classifyRelation(evidence({ similarity: 0.05 }))).toBeNull();
    expect(classifyRelation(evidence({ similarity: 0.14, sameSource: true }))).toBeNull();
  });

  it('labels the same text from the same source an update, whatever the headline or delay', () => {
    expect(classifyRelation(evidence({ sameSource: true, similarity: 0.95 }))).toBe('same-article-update');
    expect(classifyRelation(evidence({ sameSource: true, similarity: 0.6, titleSimilarity: 0, timeGapHours: 500 }))).toBe(
      'same-article-update',
    );
  });

  it('labels a heavily rewritten same-source story an update only when the headline stays and it is recent', () => {
    expect(classifyRelation(evidence({ sameSource: true, similarity: 0.3, titleSimilarity: 0.7, timeGapHours: 6 }))).toBe(
      'same-article-update',
    );
    expect(classifyRelation(evidence({ sameSource: true, similarity: 0.3, titleSimilarity: 0.7, timeGapHours: 72 }))).toBe('rewrite');
    expect(classifyRelation(evidence({ sameSource: true, similarity: 0.3, titleSimilarity: 0.1, timeGapHours: 6 }))).toBe('rewrite');
  });

  it('labels close copies from another source syndicated, looser ones rewrites', () => {
    expect(classifyRelation(evidence({ similarity: 0.75, titleSimilarity: 0 }))).toBe('syndicated-copy');
    expect(classifyRelation(evidence({ similarity: 0.55, titleSimilarity: 0.8 }))).toBe('syndicated-copy');
    expect(classifyRelation(evidence({ similarity: 0.55, titleSimilarity: 0.2 }))).toBe('rewrite');
    expect(classifyRelation(evidence({ similarity: 0.3 }))).toBe('rewrite');
  });
});

describe('titleSimilarity', () => {
  it('compares headline word sets', () => {
    expect(titleSimilarity('Storm closes ports', 'STORM closes ports!')).toBe(1);
    expect(titleSimilarity('Storm closes ports', 'Storm closes all ports')).toBe(0.75);
    expect(titleSimilarity('Storm', 'Election')).toBe(0);
    expect(titleSimilarity('', '')).toBe(1);
  });

  it('labels a copy trimmed at the end a syndicated copy by containment, and a rewrite a rewrite', () => {
    expect(classifyRelation(evidence({ similarity: 0.55, titleSimilarity: 0, containment: 0.95 }))).toBe('syndicated-copy');
    expect(classifyRelation(evidence({ similarity: 0.55, titleSimilarity: 0, containment: 0.6 }))).toBe('rewrite');
    expect(classifyRelation(evidence({ similarity: 0.2, titleSimilarity: 0, containment: 1 }))).toBe('rewrite');
  });

  it('estimates containment from Jaccard and set sizes', () => {
    // B (60 shingles) lies inside A (100): |A ∩ B| = 60, J = 60 / 100.
    expect(containmentFromJaccard(0.6, 100, 60)).toBeCloseTo(1, 5);
    // Half of B inside A: |A ∩ B| = 30, J = 30 / 130.
    expect(containmentFromJaccard(30 / 130, 100, 60)).toBeCloseTo(0.5, 5);
    expect(containmentFromJaccard(0.5, 0, 10)).toBe(0);
  });
});

describe('short texts', () => {
  // Three sentences from one source, two of them the source's template: unrelated stories share half their shingles.
  const template =
    'Anyone who saw what happened or who has any information is asked to call the police station on 0123 456 789 or to report it online. ' +
    'This is a developing story and it will be updated here as soon as more details become available from the police or the council.';
  const burglary = `Man arrested after break-in on Mill Road\nA man was arrested after a break-in on Mill Road on Tuesday. ${template}`;
  const crash = `Woman hurt in crash on the coast road\nA woman was hurt when her car hit a wall on the coast road. ${template}`;
  const burglaryEdited = burglary.replace('a break-in', 'a burglary');

  const relate = (a: string, b: string) => {
    const [left, right] = [new Set(wordShingles(a)), new Set(wordShingles(b))];
    const similarity = jaccard(minhashOfShingles(left), minhashOfShingles(right));
    const [titleA, titleB] = [a.split('\n')[0], b.split('\n')[0]];
    return {
      similarity,
      relation: classifyRelation({
        sameSource: true,
        similarity,
        titleSimilarity: titleSimilarity(titleA, titleB),
        timeGapHours: 3,
        containment: containmentFromJaccard(similarity, left.size, right.size),
        longerShingles: Math.max(left.size, right.size),
      }),
    };
  };

  it('does not link two unrelated short stories that share a template', () => {
    const { similarity, relation } = relate(burglary, crash);
    // Same text by the long-text rule: this is the pair that used to be an update.
    expect(similarity).toBeGreaterThanOrEqual(RELATION_THRESHOLDS.sameText);
    expect(relation).toBeNull();
  });

  it('still links a light edit of a short story', () => {
    expect(relate(burglary, burglaryEdited)).toMatchObject({ relation: 'same-article-update' });
  });

  it('leaves long texts to the long-text thresholds', () => {
    const long = evidence({ sameSource: true, similarity: 0.52, longerShingles: RELATION_THRESHOLDS.shortText });
    expect(classifyRelation(long)).toBe('same-article-update');
    expect(classifyRelation({ ...long, longerShingles: RELATION_THRESHOLDS.shortText - 1 })).toBeNull();
  });
});
