import { splitSentences } from '../text/text.tokenizer';
import { extractEntities } from './entity.extractor';

// Texts written for Copydesk: each rule of issue #15 on organisations the gazetteers do not know.
function entities(text: string): Record<'people' | 'organisations' | 'places', string[]> {
  const e = extractEntities(text, splitSentences(text)).entities;
  const names = (list: { name: string }[]): string[] => list.map((x) => x.name);
  return { people: names(e.people), organisations: names(e.organisations), places: names(e.places) };
}

describe('organisation evidence', () => {
  it('takes the name after a company office ("the Founder of X", "the CEO of X") for an organisation', () => {
    const e = entities(
      'Priya Shah, the Founder of Quillory, joined in May after years at Quillory. The CEO of Brantwell, Ivo Kern, agreed. ' +
        'She later moved from Brantwell to a rival.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Quillory', 'Brantwell']));
    expect(e.places).not.toContain('Brantwell');
  });

  it('keeps a known place after an office of state: "the President of France"', () => {
    const e = entities('The President of France met the CEO of Norvane in Lyon on Monday.');
    expect(e.places).toEqual(expect.arrayContaining(['France', 'Lyon']));
    expect(e.organisations).toEqual(['Norvane']);
  });
});
