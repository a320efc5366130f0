import { normalizeText } from './text.normalizer';

describe('normalizeText', () => {
  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Café');
    expect(normalizeText('Cafe\u0301')).toHaveLength(4);
  });

  it('collapses spaces and tabs within lines and trims each line', () => {
    expect(normalizeText('  one \t two\u2003 three  \n   four  ')).toBe('one two three\nfour');
  });

  it('keeps paragraphs but collapses runs of blank lines, whatever the line endings', () => {
    expect(normalizeText('a\r\n\r\n\r\n\r\nb\rc\u2028d\n \n\t\ne')).toBe('a\n\nb\nc\nd\n\ne');
    expect(normalizeText('\n\n\ntext\n\n\n')).toBe('text');
  });

  it('removes zero-width, BOM, soft hyphen and control characters', () => {
    expect(normalizeText('\uFEFFzero\u200Bwidth\u2060join soft\u00ADhyphen\u0007bell\u0085next')).toBe(
      'zerowidthjoin softhyphenbell\nnext',
    );
  });

  it('keeps ZWJ and ZWNJ, which carry meaning in Persian, Indic scripts and emoji', () => {
    expect(normalizeText('می\u200Cخواهم 👩\u200D💻')).toBe('می\u200Cخواهم 👩\u200D💻');
  });

  it('keeps typographic quotes, dashes and ellipses', () => {
    const text = '“Quoted” ‘single’ «guillemets» – dash — em… it’s';
    expect(normalizeText(text)).toBe(text);
  });

  it('keeps a lone no-break space (French typography, digit grouping) but folds it inside longer runs', () => {
    expect(normalizeText('« Bonjour » 10\u202F000 x\u00A0 \u00A0y')).toBe('« Bonjour » 10\u202F000 x y');
  });

  it('is idempotent', () => {
    const once = normalizeText(' a\u00A0b \n\n\n c\u200B ');
    expect(normalizeText(once)).toBe(once);
  });
});
