import { classifyRelation, containmentFromJaccard, titleSimilarity, type RelationEvidence } from './duplicate-relation.classifier';

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
