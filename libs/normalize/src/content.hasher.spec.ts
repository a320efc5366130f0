import { contentWords } from './content-words.util';
import { contentHash } from './content.hasher';

describe('contentWords', () => {
  it('lower-cases, applies NFKC and splits on anything but letters, marks and digits', () => {
    expect(contentWords('The ﬁrst “Quote” — it’s 3.5% of ＡＢＣ!')).toEqual(['the', 'first', 'quote', 'it', 's', '3', '5', 'of', 'abc']);
  });

  it('treats each character of unspaced scripts as a word', () => {
    expect(contentWords('東京で会議 abc ภาษา')).toEqual(['東', '京', 'で', '会', '議', 'abc', 'ภ', 'า', 'ษ', 'า']);
  });
});

describe('contentHash', () => {
  const text = 'Storm closes ports.\n\nThe harbour master said “all ships stay in”.';

  it('is the sha256 hex of the words', () => {
    expect(contentHash(text)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('a b')).toBe('c8687a08aa5d6ed2044328fa6a697ab8e96dc34291e8c2034ae8c38e6fcc6d65');
  });

  it('ignores whitespace, line breaks, case, punctuation and quote style', () => {
    expect(contentHash('storm closes ports the HARBOUR master said "all ships stay in"')).toBe(contentHash(text));
    expect(contentHash(`  ${text.replace(/\n\n/g, ' ')}  `)).toBe(contentHash(text));
  });

  it('changes when a word changes, is added or removed', () => {
    const variants = [text.replace('closes', 'shuts'), `${text} Later.`, text.replace('Storm ', ''), text.replace('all', 'alle')];
    for (const variant of variants) expect(contentHash(variant)).not.toBe(contentHash(text));
  });
});
