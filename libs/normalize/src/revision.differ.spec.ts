import { diffTexts, hasContentChanged } from './revision.differ';

const before = 'Quarterly profits rose 5%.\n\nThe firm said “demand was strong”.\n\nShares fell.';

describe('diffTexts', () => {
  it('counts changed words and shows a unified patch of the changed paragraph', () => {
    const after = 'Quarterly profits rose 7%.\n\nThe firm said “demand was strong”.\n\nShares fell sharply on Monday.';
    const diff = diffTexts(before, after);
    expect(diff).toMatchObject({ added: 4, removed: 1 });
    expect(diff.patch).toContain('-Quarterly profits rose 5%.');
    expect(diff.patch).toContain('+Quarterly profits rose 7%.');
    expect(diff.patch).toContain('+Shares fell sharply on Monday.');
    expect(diff.patch).not.toContain('No newline');
  });

  it('returns zero counts and an empty patch for identical texts', () => {
    expect(diffTexts(before, before)).toEqual({ added: 0, removed: 0, patch: '' });
  });

  it('shows punctuation-only edits in the patch without counting words', () => {
    const diff = diffTexts('Hello, world.', 'Hello world!');
    expect(diff.added + diff.removed).toBe(0);
    expect(diff.patch).toContain('+Hello world!');
  });

  it('counts words in and out when two texts are too different for a full diff', () => {
    const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    const diff = diffTexts(`shared ${words('a', 600)}`, `shared ${words('b', 700)}`);
    expect(diff).toMatchObject({ added: 700, removed: 600 });
  });
});

describe('hasContentChanged', () => {
  it('is false for whitespace, punctuation, case and quote-style changes', () => {
    expect(hasContentChanged(before, ` quarterly  profits rose 5 %\nThe firm said "demand was strong."  Shares fell`)).toBe(false);
    expect(hasContentChanged('It’s here', "It's here")).toBe(false);
  });

  it('is true when a word is changed, added, removed or moved', () => {
    expect(hasContentChanged(before, before.replace('5%', '6%'))).toBe(true);
    expect(hasContentChanged(before, `${before} Again.`)).toBe(true);
    expect(hasContentChanged(before, before.replace('Shares fell.', ''))).toBe(true);
    expect(hasContentChanged('man bites dog', 'dog bites man')).toBe(true);
  });

  it('treats accents as part of the word', () => {
    expect(hasContentChanged('resume', 'résumé')).toBe(true);
  });
});
