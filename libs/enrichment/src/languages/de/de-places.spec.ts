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

  it('takes the name after a compound place noun for a place, but no common noun after one', () => {
    const places = entities(
      'Die Nordseeinsel Wangerland ist ausgebucht. In der Ferienregion Kellerwald regnet es, die Hafenstadt Kiel meldet Sturm. ' +
        'Am Samstag gingen in der Hauptstadt Menschen auf die Straße.',
    ).places.map((p) => p.name);
    expect(places).toEqual(expect.arrayContaining(['Wangerland', 'Kellerwald', 'Kiel']));
    expect(places).not.toContain('Menschen');
  });

  it('takes a two-word town after "Stadt" whole', () => {
    expect(entities('Die Stadt Bad Nauheim sperrt die Brücke.').places.map((p) => p.name)).toEqual(['Bad Nauheim']);
  });

  it('reads road numbers after a road word or a preposition as places, not a car model or a paper size', () => {
    const places = entities(
      'Auf der A7 staute sich der Verkehr, die Umleitung führt über die Bundesstraße B27. Er fährt einen A3 und druckt auf A4.',
    ).places.map((p) => p.name);
    expect(places).toEqual(expect.arrayContaining(['A7', 'B27']));
    expect(places).not.toEqual(expect.arrayContaining(['A3']));
    expect(places).not.toContain('A4');
  });
});
