import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the companies in them are invented.
const organisations = (bodyText: string): string[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

describe('German names inside hyphenated compounds', () => {
  it('reads an acronym before a hyphen as an organisation, by its long form when the text defines it', () => {
    const orgs = organisations(
      'Laut dem jüngsten WWFK-Bericht schrumpfen die Wälder. Die Deutsche Gewässerhilfe (DGH) hatte geklagt; das DGH-Gutachten liegt vor. Die DGH-Chefin schweigt.',
    );
    expect(orgs).toEqual(expect.arrayContaining(['WWFK', 'Deutsche Gewässerhilfe']));
    expect(orgs).not.toContain('DGH');
  });

  it('reads an unknown name before a company noun as an organisation, and no place, thing or person', () => {
    const orgs = organisations(
      'Die Zantoria-Tochter baut Stellen ab. Die US-Regierung, der TV-Sender und die Corona-Krise bleiben Thema. ' +
        'Greta Hansen leitet das Hansen-Werk.',
    );
    expect(orgs).toContain('Zantoria');
    for (const no of ['US', 'TV', 'Corona', 'Hansen']) expect(orgs).not.toContain(no);
  });
});
