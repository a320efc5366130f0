import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the organisations in them are invented or generic.
const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;
const names = (list: { name: string }[]): string[] => list.map((x) => x.name);

describe('German organisations: heads, acronyms and names they are named after', () => {
  it('reads an acronym before one name word as one organisation, not a small place of the same letters', () => {
    const e = entities('Die Gewerkschaft IG Holz fordert mehr Lohn. Die IG Holz droht mit Streik.');
    expect(names(e.organisations)).toContain('IG Holz');
    expect(names(e.places)).not.toContain('IG');
  });

  it('joins a town to a bare head as one name ("Klinikum Kassel", "Polizei Hamm"), not to a compound head', () => {
    const found = names(entities('Das Klinikum Kassel meldet mehr Fälle. Die Polizei Hamm sucht Zeugen.').organisations);
    expect(found).toEqual(expect.arrayContaining(['Klinikum Kassel', 'Polizei Hamm']));
  });

  it('reads a name before a bare head, written apart, as part of the organisation ("Wendrich Stiftung")', () => {
    const found = names(
      entities('Forscher der Orlanda Universität stellten die Studie vor. Die Wendrich Stiftung fördert das Projekt.').organisations,
    );
    expect(found).toEqual(expect.arrayContaining(['Orlanda Universität', 'Wendrich Stiftung']));
  });

  it('reads "-wehr" as a head only with an institutional prefix ("Bundeswehr", not "Gegenwehr")', () => {
    expect(names(entities('Die Bundeswehr hilft beim Hochwasser. Gegenwehr gab es keine.').organisations)).toEqual(['Bundeswehr']);
  });

  it('does not take a bare head for an organisation the English gazetteer knows by those letters', () => {
    const found = names(entities('Das Auswärtige Amt rät von Reisen ab. Ein Sprecher des Auswärtigen Amtes bestätigte das.').organisations);
    expect(found).toEqual(['Auswärtiges Amt']);
  });

  it('reads a name that is no German word before a town, or a town before a two-digit year, as a club', () => {
    const e = entities(
      'Westfalia Minden verlor am Samstag gegen Detmold 09 mit 0:2. Die Filmstadt Minden feiert trotzdem, Sonntag Minden.',
    );
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Westfalia Minden', 'Detmold 09']));
    expect(names(e.organisations)).not.toEqual(expect.arrayContaining(['Filmstadt Minden']));
    expect(names(e.organisations)).not.toEqual(expect.arrayContaining(['Sonntag Minden']));
  });

  it('reads a given name before a hyphenated compound as part of the name ("Robert Koch-Institut")', () => {
    const found = names(
      entities('Das Heinrich Lenz-Institut meldet neue Messwerte. Ein Sprecher des Heinrich Lenz-Instituts bestätigte das.').organisations,
    );
    expect(found).toEqual(['Heinrich Lenz-Institut']);
  });

  it("reads an everyday compound with a town after it as that town's body, not as a place", () => {
    const e = entities(
      'Die Verbraucherzentrale Bremen warnt vor falschen Mails. Die Handwerkskammer Erfurt und die Wasserwerke Gotha laden ein. ' +
        'In der Konzernzentrale wird gespart.',
    );
    expect(names(e.organisations)).toEqual(
      expect.arrayContaining(['Verbraucherzentrale Bremen', 'Handwerkskammer Erfurt', 'Wasserwerke Gotha']),
    );
    expect(names(e.organisations)).not.toContain('Konzernzentrale');
    expect(names(e.places)).toEqual([]);
  });

  it('joins a part cut before "und" to the head ("Industrie- und Handelskammer")', () => {
    expect(names(entities('Die Industrie- und Handelskammer Trier lädt ein.').organisations)).toEqual([
      'Industrie- und Handelskammer Trier',
    ]);
  });

  it('joins a town or an acronym to a kind compound, and drops the compound before a known name', () => {
    const e = entities(
      'Die Arbeitsagentur Gera zählt mehr Arbeitslose. Der Sozialverband VdK fordert höhere Renten. Der Musikkonzern Universal Music wächst.',
    );
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Arbeitsagentur Gera', 'Sozialverband VdK']));
    expect(names(entities('Der Tourismusverband Oberes Lahntal wirbt um Gäste.').organisations)).toEqual([
      'Tourismusverband Oberes Lahntal',
    ]);
    expect(names(e.organisations)).not.toEqual(expect.arrayContaining(['Musikkonzern']));
    expect(names(e.organisations)).not.toEqual(expect.arrayContaining(['Gera']));
    expect(names(e.places)).toEqual([]);
  });

  it('takes a bare weak head with a joined name for no organisation ("die Zentrale der …")', () => {
    const found = names(entities('Die Zentrale der Verbraucherzentrale Bundesverband sitzt in Berlin.').organisations);
    expect(found).toEqual(['Verbraucherzentrale Bundesverband']);
  });

  it('reads a university\'s seat after "zu" as part of its name', () => {
    const e = entities('Die Humboldt-Universität zu Berlin und die Universität zu Kiel kooperieren. Er ging zu Fuß zur Universität.');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Humboldt-Universität zu Berlin', 'Universität zu Kiel']));
    expect(names(e.places)).toEqual([]);
  });

  it('reads a company\'s name with an ampersand and "GmbH & Co. KG" whole, without the kind noun before it', () => {
    const found = names(
      entities('Die Firma Kessel & Söhne GmbH & Co. KG meldet Insolvenz an. Der Verein Deutscher Gärtner e.V. lädt ein.').organisations,
    );
    expect(found).toEqual(expect.arrayContaining(['Kessel & Söhne GmbH & Co. KG', 'Verein Deutscher Gärtner e.V.']));
    expect(found).toHaveLength(2);
  });

  it('reads offices, insurers, agencies and presidiums as heads, with a region or a small town after them', () => {
    const e = entities(
      'Das Polizeipräsidium Oberfranken sucht Zeugen. Die Stadtverwaltung Jena schließt. Das Jobcenter Gera zahlt. ' +
        'Die Deutsche Rentenversicherung zahlt, die Bundesanstalt für Wasserbau prüft. Der Gemeinderat Oberstdorf stimmte zu.',
    );
    expect(names(e.organisations)).toEqual(
      expect.arrayContaining([
        'Polizeipräsidium Oberfranken',
        'Stadtverwaltung Jena',
        'Jobcenter Gera',
        'Deutsche Rentenversicherung',
        'Bundesanstalt für Wasserbau',
        'Gemeinderat Oberstdorf',
      ]),
    );
    expect(names(e.places)).toEqual([]);
  });

  it("reads a club's founding year and a second object before a defined acronym as part of the name", () => {
    const e = entities(
      'Der TSV 1874 Kirchheim verlor. Das Landesamt für Wald und Jagd (LWJ) prüft. Das Institut für Chemie und Physiker sagen.',
    );
    expect(names(e.organisations)).toEqual(
      expect.arrayContaining(['TSV 1874 Kirchheim', 'Landesamt für Wald und Jagd', 'Institut für Chemie']),
    );
    expect(names(e.organisations)).not.toContain('LWJ');
  });

  it('reads dotted capitals as an acronym, a country in dots as a place', () => {
    const e = entities('Das sagte er der F.A.S. am Sonntag. Die Regierung der U.S.A. widersprach.');
    expect(names(e.organisations)).toEqual(['F.A.S.']);
    expect(names(e.organisations)).not.toContain('U.S.A.');
  });
});
