import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the films and people are invented.
const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;
const names = (list: { name: string }[]): string[] => list.map((x) => x.name);

describe('German names inside titles of works and documents', () => {
  it('takes no person or place from a list of quoted titles', () => {
    const e = entities(
      'Das Studio drehte die Komödien „Kommissar Dr. Hallberg“, „Ein Sommer in Lissabon“ und „Nachtzug“. Regie führte Jana Wirth in Köln.',
    );
    expect(names(e.people)).toEqual(['Jana Wirth']);
    expect(names(e.places)).toEqual(['Köln']);
  });

  it('keeps names in a short quote that someone says, and names also met outside a title', () => {
    const e = entities('„Lissabon bleibt Lissabon“, sagte die Reiseleiterin. Der Film „Ein Winter in Wien“ spielt wirklich in Wien.');
    expect(names(e.places)).toEqual(expect.arrayContaining(['Lissabon', 'Wien']));
  });

  it('takes no place from a document named after where it was signed', () => {
    const e = entities('Die Staaten beriefen sich auf die Erklärung von Kopenhagen. Die Konferenz fand in Genf statt.');
    expect(names(e.places)).toEqual(['Genf']);
  });

  it('leaves organisations in quotes alone', () => {
    expect(names(entities('Zuerst berichtete die Zeitung „Hamburger Abendblatt“ über den Fund.').organisations)).toEqual([
      'Hamburger Abendblatt',
    ]);
  });
});
