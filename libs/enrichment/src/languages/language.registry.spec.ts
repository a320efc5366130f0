import { enrichArticle } from '../article.enricher';
import { languagePack, supportedLanguages } from './language.registry';

// Short articles written for these tests; people and quotes are invented.
const FRENCH = {
  title: 'Le budget 2027 adopté en première lecture',
  bodyText:
    "L'Assemblée nationale a adopté mardi le projet de budget pour 2027 en première lecture. Le texte prévoit une hausse des dépenses de défense.\n" +
    '« Ce budget protège les Français et prépare l’avenir », a déclaré le ministre Julien Marchand devant les députés à Paris.\n' +
    'Un vote définitif est attendu en décembre. La Commission européenne examinera le texte à Bruxelles.',
};
const SPANISH = {
  title: 'Un sismo de magnitud 6,1 sacude el sur de México',
  bodyText:
    'Un sismo de magnitud 6,1 sacudió el martes el sur de México, según el Servicio Sismológico Nacional. En Ciudad de México sonó la alerta sísmica.\n' +
    '"No se reportan daños graves hasta el momento", dijo la coordinadora Laura Méndez en Oaxaca.\n' +
    'Un equipo de protección civil revisa escuelas y hospitales de la región.',
};
const GERMAN = {
  title: 'Weber bleibt Trainer in Hannover',
  bodyText:
    'Der Fußball-Zweitligist Hannover 96 verlängert mit Trainer Thomas Weber bis 2028. Das teilte der Verein am Montag mit.\n' +
    '„Wir haben eine junge Mannschaft, die jedes Spiel besser wird“, sagte Weber. Geschäftsführerin Katrin Seidel lobte gegenüber der Deutschen Presse-Agentur die Arbeit.\n' +
    '„Thomas passt zu uns“, so Seidel. Am Samstag spielt die Mannschaft in München.',
};

describe('language packs', () => {
  it('registers English and German, and falls back to the neutral pack', () => {
    expect(supportedLanguages()).toEqual(['de', 'en']);
    expect(languagePack('de-AT').code).toBe('de');
    expect(languagePack('fr').code).toBe('und');
    expect(languagePack(undefined).code).toBe('und');
  });

  it.each([
    ['fr', FRENCH, 'Julien Marchand'],
    ['es', SPANISH, 'Laura Méndez'],
  ])(
    'does no harm to %s without resources: no invented organisations or people, quotes only with their speaker',
    (code, article, speaker) => {
      const e = enrichArticle(article);
      expect(e.language.code).toBe(code);
      // No English heuristics: "Un", "Ciudad de México" and "L'Assemblée" are no organisations or people.
      const people = e.entities.people.map((p) => p.name);
      expect(people).toEqual([speaker]);
      expect(e.entities.organisations.map((o) => o.name)).not.toContain('Un');
      expect(e.quotes.length).toBeGreaterThan(0);
      for (const q of e.quotes) expect(q.speaker).toBe(speaker);
      expect(e.topics).toEqual([]);
      expect(e.entities.places.length).toBeGreaterThan(0);
    },
  );

  it('reads German: roles kept out of names, „…“ quotes with "sagte" and "so", base forms, topics', () => {
    const e = enrichArticle(GERMAN);
    expect(e.language.code).toBe('de');
    expect(e.entities.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Thomas Weber', 'Katrin Seidel']));
    expect(e.entities.people.map((p) => p.name)).not.toContain('Trainer Thomas Weber');
    // "Hannover 96" is the club: the town in its name is no place of the story.
    expect(e.entities.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Deutsche Presse-Agentur', 'Hannover 96']));
    expect(e.entities.places.map((p) => p.name)).toEqual(['München']);
    expect(e.quotes.map((q) => q.speaker)).toEqual(['Thomas Weber', 'Katrin Seidel']);
    expect(e.topics[0].qcode).toBe('medtop:15000000');
  });
});
