import { enrichArticle } from '../../article.enricher';

// Short German texts written for these tests; people, organisations and quotes are invented.
const places = (bodyText: string): string[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.places.map((p) => p.name);

describe('German pack: places', () => {
  it('reads continents and world regions from CLDR, compass compounds and place nouns before a name', () => {
    const found = places(
      'Die Reise führt im Frühjahr durch Südostasien und später nach Westafrika. In Westdeutschland regnet es seit Tagen. ' +
        'Im Kanton Obwalden und in der Region Hohenlohe wurden die Straßen gesperrt, die Feuerwehr war im Einsatz.',
    );
    expect(found).toEqual(expect.arrayContaining(['Südostasien', 'Westafrika', 'Westdeutschland', 'Obwalden', 'Hohenlohe']));
  });

  it('takes a town name before a month for a point in time, and a plural for no genitive of a small town', () => {
    // "Mitte" and "Ende" are towns in GeoNames; "Bars" is no genitive of Bar (Montenegro).
    const found = places(
      'Die Saison endet meist Mitte September, die Jungen verlassen das Nest Ende Juni. In den Bars der Altstadt von Hamburg wird gefeiert. ' +
        'Die Händler Berlins sind zufrieden.',
    );
    expect(found).not.toEqual(expect.arrayContaining(['Mitte']));
    expect(found).not.toContain('Ende');
    expect(found).not.toContain('Bar');
    expect(found).toEqual(expect.arrayContaining(['Hamburg', 'Berlin']));
  });
});
