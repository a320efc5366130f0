import { enrichArticle } from './article.enricher';
import { ENRICHER_VERSION } from './enricher.version';
import { LIVE_BLOG_ARTICLE } from './fixtures/live-blog.fixture';
import { OBITUARY_ARTICLE } from './fixtures/obituary.fixture';
import { OPINION_ARTICLE } from './fixtures/opinion.fixture';
import { PRESS_RELEASE_ARTICLE } from './fixtures/press-release.fixture';
import { WIRE_ARTICLE } from './fixtures/wire.fixture';
import { MEDIA_TOPICS_SCHEME_VERSION } from './topics/media-topics.scheme';

const names = (list: { name: string }[]): string[] => list.map((e) => e.name);
const speakers = (quotes: { text: string; speaker: string | null }[]): Record<string, string | null> =>
  Object.fromEntries(quotes.map((q) => [q.text.slice(0, 30), q.speaker]));

describe('enrichArticle', () => {
  it('enriches the opinion column: type, speakers, topics, entities', () => {
    const e = enrichArticle(OPINION_ARTICLE);
    expect(e.enricherVersion).toBe(ENRICHER_VERSION);
    expect(e.schemeVersion).toBe(MEDIA_TOPICS_SCHEME_VERSION);
    expect(e.language.code).toBe('en');
    expect(e.contentType.type).toBe('opinion');
    expect(e.contentType.evidence.join(' ')).toMatch(/first person/);
    expect(e.topics[0]).toMatchObject({ qcode: 'medtop:11000000', label: 'politics' });
    expect(e.topics.map((t) => t.qcode)).toContain('medtop:20000612'); // local government and authority
    expect(names(e.entities.people)).toEqual(expect.arrayContaining(['Daniel Fenwick', 'Asha Patel']));
    expect(names(e.entities.organisations)).toContain('University of Bristol');
    expect(names(e.entities.places)[0]).toBe('Bristol');
    expect(speakers(e.quotes)).toEqual({
      'Every penny raised will go bac': 'Daniel Fenwick',
      'Nobody will be priced out of t': 'Daniel Fenwick',
      'The question is not whether to': 'Asha Patel',
      'A charge that ignores income w': 'Asha Patel',
    });
    expect(e.summary.length).toBeGreaterThanOrEqual(2);
    expect(e.summary.length).toBeLessThanOrEqual(3);
    expect(e.wordCount).toBeGreaterThan(350);
    expect(e.readingTimeMinutes).toBe(Math.round(e.wordCount / 230));
  });

  it('enriches the wire story: speakers by every attribution pattern, weather and disaster topics', () => {
    const e = enrichArticle(WIRE_ARTICLE);
    expect(e.contentType.type).toBe('news');
    expect(e.contentType.evidence).toContain('JSON-LD type NewsArticle');
    const qcodes = e.topics.map((t) => t.qcode);
    expect(qcodes).toEqual(expect.arrayContaining(['medtop:17000000', 'medtop:03000000']));
    const natural = e.topics.find((t) => t.qcode === 'medtop:20000151');
    expect(natural?.ancestors).toEqual([
      { qcode: 'medtop:03000000', label: 'disaster, accident and emergency incident' },
      { qcode: 'medtop:20000148', label: 'disaster' },
    ]);
    // "Mark T. Ellison" first, "Ellison" later: one person under the full name.
    expect(e.entities.people.find((p) => p.name === 'Mark T. Ellison')?.count).toBe(2);
    expect(names(e.entities.people)).not.toContain('Ellison');
    expect(names(e.entities.places)).toEqual(expect.arrayContaining(['Bologna', 'Emilia-Romagna', 'Italy', 'Faenza']));
    expect(names(e.entities.organisations)).toEqual(expect.arrayContaining(['European Union', 'Red Cross', 'University of Reading']));
    expect(speakers(e.quotes)).toEqual({
      'We have not seen water levels ': 'Giulia Ferraro', // "…," said X
      'Our teams are working through ': 'Giulia Ferraro', // second quote of the same sentence
      'The whole country stands with ': 'Marco Bellini', // straight quotes, "X said"
      'No family will be left alone t': 'Marco Bellini',
      'This will cost billions, not m': 'senior government official', // unnamed speaker
      'Families are arriving with not': 'Luca Moretti', // attribution in the next sentence
      'The Mediterranean this autumn ': 'Mark T. Ellison', // multi-paragraph quote attributed at its end
      'What we are seeing in Emilia-R': 'Mark T. Ellison',
    });
    expect(e.quotes.find((q) => q.speaker === 'senior government official')?.speakerType).toBe('description');
  });

  it.each([
    ['press release', PRESS_RELEASE_ARTICLE, 'press-release'],
    ['live blog', LIVE_BLOG_ARTICLE, 'live-blog'],
    ['obituary', OBITUARY_ARTICLE, 'obituary'],
  ] as const)('recognises the %s', (_, article, type) => {
    const e = enrichArticle(article);
    expect(e.contentType.type).toBe(type);
    expect(e.contentType.evidence.length).toBeGreaterThan(0);
  });

  it('attributes press-release quotes to the executives and finds both companies', () => {
    const e = enrichArticle(PRESS_RELEASE_ARTICLE);
    expect(e.quotes.map((q) => q.speaker)).toEqual(['Fiona MacLeod', 'Fiona MacLeod', 'Tomasz Nowak']);
    expect(names(e.entities.organisations)).toEqual(expect.arrayContaining(['Northwind Energy', 'Harbourside Utilities']));
    expect(e.topics[0].qcode).toBe('medtop:04000000');
  });

  it('takes a block quote and its citation from the body HTML', () => {
    const e = enrichArticle({
      title: 'Minister defends school funding plan',
      bodyText:
        'The education minister, Clara Hughes, defended the plan in parliament on Tuesday.\nEvery school will get more money per pupil next year than this year.\nOpposition MPs were not convinced.',
      bodyHtml:
        '<p>The education minister, Clara Hughes, defended the plan in parliament on Tuesday.</p><blockquote><p>Every school will get more money per pupil next year than this year.</p><cite>Clara Hughes</cite></blockquote><p>Opposition MPs were not convinced.</p>',
    });
    expect(e.quotes).toEqual([
      { text: 'Every school will get more money per pupil next year than this year.', speaker: 'Clara Hughes', speakerType: 'person' },
    ]);
  });

  it('returns an empty enrichment for an empty article without failing', () => {
    const e = enrichArticle({ title: '', bodyText: '' });
    expect(e.wordCount).toBe(0);
    expect(e.language.code).toBe('und');
    expect(e.quotes).toEqual([]);
    expect(e.entities).toEqual({ people: [], organisations: [], places: [] });
  });
});
