import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests.
const organisations = (bodyText: string): string[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

describe('German acronyms defined beside their long form', () => {
  it('reports an organisation by the long form that spells its acronym, also in another language', () => {
    const orgs = organisations(
      'Der Streit mit der Behörde Instituto Nacional de Estadística (INE) zog sich hin. Später äußerte sich das INE erneut. ' +
        'Auch die Bundesanstalt für Arbeitsschutz und Arbeitsmedizin (BAuA) prüft den Fall.',
    );
    expect(orgs).toEqual(
      expect.arrayContaining(['Instituto Nacional de Estadística', 'Bundesanstalt für Arbeitsschutz und Arbeitsmedizin']),
    );
    expect(orgs).not.toContain('INE');
    expect(orgs).not.toContain('BAuA');
  });

  it('reports no organisation for an acronym that names a law, a system or a programme', () => {
    const orgs = organisations(
      'Der Verband verlangt eine Reform des Gesetzes über die Förderung der Wärmenetze (GFWG). ' +
        'Die Kasse setzt auf ein neues Abrechnungsverfahren, ORS genannt („Open Rate System“). Das ORS gilt ab Mai.',
    );
    expect(orgs).not.toContain('GFWG');
    expect(orgs).not.toContain('ORS');
  });

  it('reads a long form as one name: no organisation or place of its own inside it, hyphenated words spell two letters', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText:
        'Der Bund für Natur und Umweltschutz Österreich (BNUÖ) lehnt den Bau ab. Der BNUÖ kündigt eine Klage an. ' +
        'Die Landesanstalt für Gewässer Rheinland-Pfalz (LGRP) misst täglich.',
      language: 'de',
    }).entities;
    const orgs = e.organisations.map((o) => o.name);
    expect(orgs).toEqual(
      expect.arrayContaining(['Bund für Natur und Umweltschutz Österreich', 'Landesanstalt für Gewässer Rheinland-Pfalz']),
    );
    expect(orgs).not.toContain('Bund für Natur');
    expect(e.places).toEqual([]);
  });
});
