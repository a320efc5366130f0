import { enrichArticle } from '../../article.enricher';
import { compoundHead, germanOrganisationBase } from './de-inflection';

// Sentences written for these tests; the organisations and people in them are invented or generic.
describe('German inflection of organisation names', () => {
  it('gives the nominative of a compound head in the genitive or dative, with its gender', () => {
    expect(compoundHead('Landesverbandes')).toEqual({ nominative: 'Landesverband', gender: 'M', plural: false });
    expect(compoundHead('Rundfunks')?.nominative).toBe('Rundfunk');
    expect(compoundHead('Presse-Agentur')?.gender).toBe('F');
    expect(compoundHead('Nationen')?.plural).toBe(true);
    // A plural in -e is read as a plural, not as an old dative singular ("dem Werke").
    expect(compoundHead('Wasserwerke')).toEqual({ nominative: 'Wasserwerke', plural: true });
    // The dative plural is read back to the nominative plural, not to "Asse" inside "Ersatzkassen".
    expect(compoundHead('Stadtwerken')).toEqual({ nominative: 'Stadtwerke', plural: true });
    expect(compoundHead('Verkehrsbetrieben')).toEqual({ nominative: 'Verkehrsbetriebe', plural: true });
    expect(compoundHead('Ersatzkassen')?.nominative).toBe('Ersatzkassen');
  });

  it('writes adjectives before the head in the citation form its gender asks for', () => {
    expect(germanOrganisationBase(['Europäischen', 'Gerichtshofes'])).toBe('Europäischer Gerichtshof');
    expect(germanOrganisationBase(['Südwestdeutschen', 'Rundfunks'])).toBe('Südwestdeutscher Rundfunk');
    expect(germanOrganisationBase(['Deutschen', 'Presse-Agentur'])).toBe('Deutsche Presse-Agentur');
    expect(germanOrganisationBase(['Vereinten', 'Nationen'])).toBe('Vereinte Nationen');
    // A noun's plural inside the name is no adjective to put in the nominative.
    expect(germanOrganisationBase(['Sächsische', 'Pumpen', 'Werke'], 2)).toBe('Sächsische Pumpen Werke');
    expect(germanOrganisationBase(['Vereinigten', 'Motoren', 'Werke'], 2)).toBe('Vereinigte Motoren Werke');
    // An indeclinable place adjective stays as written; words after the head too.
    expect(germanOrganisationBase(['Kieler', 'Landesbank'])).toBe('Kieler Landesbank');
    expect(germanOrganisationBase(['Institut', 'für', 'den', 'Technischen', 'Fortschritt'], 0)).toBe(
      'Institut für den Technischen Fortschritt',
    );
  });

  it('leaves a compound noun before the head as written, and puts a hyphenated place adjective in the nominative', () => {
    // "Verbraucherzentrale" ends like an adjective but is a compound of nouns: no "Verbraucherzentraler".
    expect(germanOrganisationBase(['Verbraucherzentrale', 'Bundesverband'])).toBe('Verbraucherzentrale Bundesverband');
    expect(germanOrganisationBase(['Mietergemeinschaft', 'Landesverband'])).toBe('Mietergemeinschaft Landesverband');
    // A direction or a short prefix before an adjective keeps it an adjective.
    expect(germanOrganisationBase(['Mitteldeutschen', 'Rundfunks'])).toBe('Mitteldeutscher Rundfunk');
    expect(germanOrganisationBase(['Allgemeine', 'Deutsche', 'Fahrrad-Club'])).toBe('Allgemeiner Deutscher Fahrrad-Club');
    expect(germanOrganisationBase(['Rheinland-Pfälzischen', 'Landtags'])).toBe('Rheinland-Pfälzischer Landtag');
  });
});

describe('German pack: organisations in context', () => {
  const organisations = (bodyText: string): string[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

  it('reports names met in the dative or genitive in the nominative', () => {
    const found = organisations(
      'Die Klage liegt nun beim Europäischen Gerichtshof. Ein Sprecher des Westdeutschen Rundfunks bestätigte den Bericht. ' +
        'Die Vertreter des Bayerischen Bauernverbandes waren nicht erreichbar.',
    );
    expect(found).toEqual(expect.arrayContaining(['Europäischer Gerichtshof', 'Westdeutscher Rundfunk', 'Bayerischer Bauernverband']));
  });

  it('keeps a plural head in the nominative ("Stadtwerke Kassel", not "Stadtwerk")', () => {
    expect(organisations('Die Stadtwerke Kassel senken zum Jahreswechsel die Preise.')).toEqual(['Stadtwerke Kassel']);
    expect(organisations('Ein Sprecher der Stadtwerke Kassel bestätigte die Pläne.')).not.toContain('Stadtwerk');
  });

  it('joins the object to heads named by it, keeps the legal form, and takes no role for a body', () => {
    const found = organisations(
      'Der Verband der Fahrradhändler und das Institut für Küstenforschung legten eine Studie vor. ' +
        'Die Nordlicht Solar GmbH liefert die Module, der Bund der Gartenfreunde e.V. pflanzt Bäume. ' +
        'Der Landrat des Kreises begrüßte die Pläne, und die Hilfe für Betroffene läuft an.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Verband der Fahrradhändler',
        'Institut für Küstenforschung',
        'Nordlicht Solar GmbH',
        'Bund der Gartenfreunde e.V.',
      ]),
    );
    expect(found).not.toContain('GmbH');
    expect(found.some((o) => o.startsWith('Landrat') || o.startsWith('Hilfe'))).toBe(false);
  });
});

describe('German pack: people and places', () => {
  const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;

  it('takes a small town after a given name for a surname, and a surname after a title for the person in full', () => {
    const e = entities('Am Abend sprach Sportdirektor Jonas Kehl mit der Presse. Danach lobte Frau Kehl die Fans in Offenburg.');
    expect(e.people.map((p) => p.name)).toEqual(['Jonas Kehl']);
    expect(e.places.map((p) => p.name)).not.toContain('Jonas');
  });

  it('takes an inflected common noun for no place ("des Landes")', () => {
    const e = entities('Die Haushaltslage des Landes ist angespannt, sagte die Ministerin in Wiesbaden.');
    expect(e.places.map((p) => p.name)).toEqual(['Wiesbaden']);
  });
});

describe('German pack: organisations known by name', () => {
  const organisations = (bodyText: string): string[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

  it('knows parties, companies, clubs and aid groups in any case, and a town adjective before club letters', () => {
    const found = organisations(
      'Der Vorstand der Deutschen Bahn traf Vertreter der Grünen. Helfer des Roten Kreuzes waren vor Ort. ' +
        'Eintracht Frankfurt spielt am Samstag gegen den Karlsruher SC. Das Statistische Bundesamt meldet neue Zahlen.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['Deutsche Bahn', 'Grüne', 'Rotes Kreuz', 'Eintracht Frankfurt', 'Karlsruher SC', 'Statistisches Bundesamt']),
    );
    expect(found).not.toContain('SC');
  });
});

describe('German pack: acronyms that name no organisation', () => {
  it('takes tournaments, laws and diseases in capitals for no organisation, and keeps the others', () => {
    const found = enrichArticle({
      title: 'Meldung',
      language: 'de',
      bodyText:
        'Vor der WM prüft der DFB die DSGVO-Regeln. Die Zahl der HIV-Infektionen sinkt, meldet das RKI. Auch die EM ist Thema beim ZDF.',
    }).entities.organisations.map((o) => o.name);
    expect(found).toEqual(expect.arrayContaining(['DFB', 'RKI', 'ZDF']));
    expect(found).not.toContain('WM');
    expect(found).not.toContain('EM');
  });
});
