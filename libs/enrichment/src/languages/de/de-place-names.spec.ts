import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests.
const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;
const names = (list: { name: string }[]): string[] => list.map((x) => x.name);

describe('German place names inside longer names', () => {
  it('names a canton, district or province with its unit noun, in any case', () => {
    const places = names(
      entities('Im Kanton Uri und in den Dörfern des Kantons Glarus schneit es. Auch im Landkreis Celle fiel Schnee.').places,
    );
    expect(places).toEqual(expect.arrayContaining(['Kanton Uri', 'Kanton Glarus', 'Landkreis Celle']));
    expect(places).not.toContain('Uri');
  });

  it('reads an organisation or a brand before a country as a national branch, not as the place', () => {
    const e = entities('FoodWatch Österreich kritisiert den Handel. Die Klage gegen Amnesty International Schweiz wurde abgewiesen.');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['FoodWatch Österreich', 'Amnesty International Schweiz']));
    expect(names(e.places)).not.toEqual(expect.arrayContaining(['Österreich']));
    expect(names(e.places)).not.toContain('Schweiz');
  });

  it('keeps the name of an organisation that the text also names alone', () => {
    const e = entities('Greenpeace Frankreich protestiert. Greenpeace hatte schon im Mai gewarnt.');
    expect(names(e.organisations)).toEqual(['Greenpeace']);
    expect(names(e.places)).not.toContain('Frankreich');
  });

  it('joins each town to an organisation the text names only with towns ("Stadtwerke Kiel", "den Stadtwerken Husum")', () => {
    const e = entities('Die Stadtwerke Kiel erhöhen die Preise. Bei den Stadtwerken Husum bleibt es billiger.');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Stadtwerke Kiel', 'Stadtwerke Husum']));
    expect(names(e.organisations)).not.toContain('Stadtwerke');
    expect(names(e.places)).toEqual([]);
  });

  it('names a district with "Kreis" before it or as the end of a hyphenated compound', () => {
    const places = names(
      entities('Der Kreis Pinneberg und der Rhein-Sieg-Kreis kooperieren. Die Landrätin des Main-Taunus-Kreises sprach.').places,
    );
    expect(places).toEqual(expect.arrayContaining(['Kreis Pinneberg', 'Rhein-Sieg-Kreis', 'Main-Taunus-Kreis']));
    expect(places).not.toContain('Pinneberg');
  });

  it('reads "NRW" as the Land, and as the region of a body named with it', () => {
    const e = entities('Der DGB NRW fordert mehr Lohn. Die Verbraucherzentrale NRW warnt. In NRW regnet es.');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['DGB NRW', 'Verbraucherzentrale NRW']));
    expect(names(e.organisations)).not.toContain('NRW');
    expect(names(e.places)).toEqual(['NRW']);
  });
});
