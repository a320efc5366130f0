import { compareShingles, pageF1, scoreBodies } from './shingle-metric';

describe('shingle metric', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(pageF1('one two three four five', 'one two three four five')).toBe(1);
    expect(pageF1('one two three four five', 'six seven eight nine ten')).toBe(0);
  });

  it('normalises TP/FP/FN per page to sum 1', () => {
    const { tp, fp, fn } = compareShingles('a b c d e f', 'a b c d x');
    expect(tp + fp + fn).toBeCloseTo(1);
    // truth has 3 shingles, the prediction 2, one shared: tp 1, fp 1, fn 2.
    expect(tp).toBeCloseTo(1 / 4);
  });

  it('averages precision and recall over pages, then takes the harmonic mean, and counts empty outputs', () => {
    const score = scoreBodies([
      { truth: 'a b c d e', prediction: 'a b c d e' },
      { truth: 'a b c d e', prediction: '' },
    ]);
    // The empty page has no predicted shingles: it is left out of precision, counts 0 in recall.
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo(2 / 3);
    expect(score.empty).toBe(1);
  });
});
