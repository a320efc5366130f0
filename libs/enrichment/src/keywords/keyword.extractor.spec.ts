import { splitSentences } from '../text/text.tokenizer';
import { summarise } from '../summary/summary.extractor';
import { extractKeywords } from './keyword.extractor';

const TEXT = [
  'The city council approved a congestion charge for the old town on Monday.',
  'The congestion charge will cost drivers £12 a day from April, and the money will pay for buses.',
  'Shift workers said the congestion charge would hit them hardest, because buses do not run early.',
  'The council said exemptions for shift workers would be considered next year.',
  'Traffic in the old town has doubled in a decade, according to the council.',
].join('\n');

describe('extractKeywords', () => {
  it('prefers recurring phrases weighted by rarity, without repeating their words alone', () => {
    const keywords = extractKeywords(splitSentences(TEXT), {
      documentFrequency: { council: 50, buses: 5, drivers: 20 },
      documentCount: 100,
    });
    expect(keywords.slice(0, 3)).toEqual(expect.arrayContaining(['congestion charge', 'shift workers', 'old town']));
    expect(keywords).not.toContain('congestion');
    expect(keywords).not.toContain('said');
    expect(keywords.length).toBeLessThanOrEqual(10);
    expect(extractKeywords(splitSentences(TEXT), { documentFrequency: {}, documentCount: 100 }, 10, new Set(['congestion']))).not.toContain(
      'congestion charge',
    );
  });
});

describe('summarise', () => {
  it('returns two or three sentences of the article, in article order, lead first', () => {
    const summary = summarise(splitSentences(TEXT), 'Council approves congestion charge');
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary[0]).toBe('The city council approved a congestion charge for the old town on Monday.');
    const positions = summary.map((s) => TEXT.indexOf(s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
