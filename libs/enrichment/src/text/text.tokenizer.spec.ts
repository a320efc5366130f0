import { countWords, normalisedWords, splitParagraphs, splitSentences } from './text.tokenizer';

describe('splitSentences', () => {
  it('splits on terminal punctuation but not after titles, initials or dotted acronyms', () => {
    const text = 'Mr. Smith met Mark T. Esper in the U.S. capital. “It went well.” Then he left!\nNew paragraph? Yes.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Mr. Smith met Mark T. Esper in the U.S. capital.',
      '“It went well.”',
      'Then he left!',
      'New paragraph?',
      'Yes.',
    ]);
  });

  it('keeps offsets into the body and paragraph indexes', () => {
    const text = 'First one. Second one.\n\nThird one.';
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(['First one. Second one.', 'Third one.']);
  });
});

describe('word counts', () => {
  it('counts words with apostrophes and hyphens as one and strips possessives when normalising', () => {
    expect(countWords('It’s a well-known fact: 42 people came.')).toBe(7);
    expect(normalisedWords('Toyota’s sales and the drivers’ union')).toEqual(['toyota', 'sales', 'and', 'the', 'drivers', 'union']);
  });
});
