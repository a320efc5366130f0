import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the companies and people in them are invented.
const entities = (bodyText: string) => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities;
const names = (list: { name: string }[]): string[] => list.map((x) => x.name);

describe('German organisations cited as sources', () => {
  it('reads a name after "laut", before "zufolge", in "teilte … mit" and "wie … mitteilte" as an organisation', () => {
    const found = names(
      entities(
        'Laut Quandrix nutzen immer mehr Menschen Ladesäulen. Wie Velotrab mitteilte, stiegen die Preise. ' +
          'Das teilte Taurex Velmon am Montag mit. Kessbrink zufolge bleibt es dabei.',
      ).organisations,
    );
    expect(found).toEqual(expect.arrayContaining(['Quandrix', 'Velotrab', 'Taurex Velmon', 'Kessbrink']));
  });

  it('reads the body someone speaks for or works at as an organisation', () => {
    const e = entities(
      'Ein Sprecher von Quandrix bestätigte das. Anna Berger, Ingenieurin bei Velotrab, erklärt das Verfahren. ' +
        'Die Gründerin von Lunaris sagte ab. Der Präsident von Frankreich kam.',
    );
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Quandrix', 'Velotrab', 'Lunaris']));
    expect(names(e.organisations)).not.toContain('Frankreich');
    expect(names(e.people)).toContain('Anna Berger');
  });

  it('takes no common noun, compound, place, given name or person the text names for a source', () => {
    const e = entities(
      'Laut Polizei wurde niemand verletzt. Laut Branchenkennern sinkt der Absatz. Laut Berlin ist alles in Ordnung. ' +
        'Laut Jana ist das gut. Laut Körber ist das falsch, sagte Ulrike Körber. Wie erwartet stiegen die Preise.',
    );
    expect(names(e.organisations)).toEqual([]);
    expect(names(e.people)).toContain('Ulrike Körber');
  });

  it('takes no initials for a source ("laut H.-J. Körner")', () => {
    expect(names(entities('Laut H.-J. Körner stimmt das nicht.').organisations)).toEqual([]);
  });
});
