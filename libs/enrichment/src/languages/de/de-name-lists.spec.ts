import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the companies in them are invented.
const organisations = (bodyText: string): string[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

describe('German names listed with organisations', () => {
  it('reads a name listed between organisations, or an adjective-led name beside one, as an organisation', () => {
    const orgs = organisations(
      'Die großen Händler (Google, Amazon, Quorvia und die Telekom) verhandeln. Es liefern die Verlage Carlsen und Blaue Feder.',
    );
    expect(orgs).toEqual(expect.arrayContaining(['Quorvia', 'Blaue Feder']));
  });

  it('takes no common noun or compound listed with organisations for a name', () => {
    const orgs = organisations('Google, Apple und Millionen Nutzer streiten. Siemens, Bosch und Verbraucherschützer ebenso.');
    expect(orgs).not.toContain('Millionen Nutzer');
    expect(orgs).not.toContain('Verbraucherschützer');
  });
});
