import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests.
const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;

describe('German place names', () => {
  it('knows German exonyms of regions, cantons, landscapes, rivers and seas', () => {
    const places = entities(
      'Die Fähre verbindet Sizilien mit Kalabrien. Im Tessin und im Wallis fiel Schnee, im Schwarzwald Regen. ' +
        'Das Hochwasser der Donau erreichte am Abend Passau, auf der Ostsee ruht der Schiffsverkehr. Großbritannien meldet Sturm.',
    ).places.map((p) => p.name);
    expect(places).toEqual(
      expect.arrayContaining(['Sizilien', 'Kalabrien', 'Tessin', 'Wallis', 'Schwarzwald', 'Donau', 'Passau', 'Ostsee', 'Großbritannien']),
    );
  });

  it('reads genitives of regions and compass compounds of cities, and no foreign country name that is a German noun', () => {
    const e = entities(
      'Die Wirtschaft Tirols wächst, die Bauern Sachsens klagen. In Ostberlin und Südhessen wird gestreikt. ' +
        'Der Roman von Thomas Mann spielt in Lübeck, und die Oma kocht Chili.',
    );
    const places = e.places.map((p) => p.name);
    expect(places).toEqual(expect.arrayContaining(['Tirol', 'Sachsen', 'Ostberlin', 'Südhessen', 'Lübeck']));
    expect(places).not.toEqual(expect.arrayContaining(['Mann']));
    expect(places).not.toContain('Oma');
    expect(e.people.map((p) => p.name)).toContain('Thomas Mann');
  });

  it('reports a person named in the genitive before a noun in the nominative', () => {
    const people = entities('Im Kino laufen Greta Kowalskis Kurzfilme, danach spricht Jan Brandes über Musik.').people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Greta Kowalski', 'Jan Brandes']));
  });
});
