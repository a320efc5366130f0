import { ArticleEventType } from '@copydesk/contracts';
import type { ArticleForPublishing } from '../article-for-publishing.types';
import { OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS, outputFormat } from './output-formats';

const article: ArticleForPublishing = {
  id: '0b6a3c3e-9a0d-4c61-8d44-111111111111',
  revision: 3,
  status: 'published',
  title: 'Harbour bridge reopens after two years of repairs',
  bodyHtml: '<p>The harbour bridge reopened on Tuesday.</p>',
  bodyText: `The harbour bridge reopened to traffic on Tuesday morning after two years of repairs that cost the city far more than planned, the mayor said.\n\nCommuters cheered.`,
  byline: 'Ana Ruiz',
  language: 'en',
  publishedAt: new Date('2026-12-01T08:00:00Z'),
  modifiedAt: new Date('2026-12-01T09:00:00Z'),
  firstCreatedAt: new Date('2026-12-01T08:00:00Z'),
  canonicalUrl: 'https://news.example/bridge',
  description: null,
  image: null,
  embargoUntil: null,
  enrichment: { topics: [], entities: { people: [], organisations: [], places: [] } },
  source: { id: 's', slug: 'src', name: 'Source' },
};
const killed: ArticleForPublishing = { ...article, status: 'killed' };
const options = { baseUri: 'https://copydesk.example.com/articles/', occurredAt: new Date('2026-12-01T09:00:05Z') };

describe('output formats', () => {
  it('registers each format under its own name', () => {
    expect(OUTPUT_FORMAT_NAMES).toEqual(['native', 'ninjs', 'text']);
    for (const name of OUTPUT_FORMAT_NAMES) expect(OUTPUT_FORMATS[name].name).toBe(name);
  });

  it.each(OUTPUT_FORMAT_NAMES)('%s renders every event into a body its own check accepts', (name) => {
    const format = outputFormat(name);
    for (const event of [ArticleEventType.Created, ArticleEventType.Updated])
      expect(format.check(format.render(event, article, options))).toEqual([]);
    expect(format.check(format.render(ArticleEventType.Killed, killed, options))).toEqual([]);
    expect(() => format.render(ArticleEventType.Killed, article, options)).toThrow(RangeError);
  });

  it.each(OUTPUT_FORMAT_NAMES)('%s finds what is wrong with a body that breaks its rules', (name) => {
    expect(outputFormat(name).check('{"type":"article.created"}\n').length).toBeGreaterThan(0);
  });

  it('checks ninjs documents against the published schema', () => {
    const body = JSON.stringify({ type: 'article.created', timestamp: '2026-12-01T09:00:05Z', data: { uri: 'x', pubStatus: 'gone' } });
    expect(outputFormat('ninjs').check(body).join('\n')).toMatch(/pubStatus/);
  });

  it('labels each body with its media type', () => {
    expect(outputFormat('native').mediaType).toBe('application/json');
    expect(outputFormat('text').mediaType).toBe('text/plain; charset=utf-8');
  });

  it('refuses a format it does not know', () => {
    expect(() => outputFormat('rtf')).toThrow(/no output format named "rtf"/);
  });
});

describe('the plain-text wire format', () => {
  const text = outputFormat('text');

  it('sends the headline, byline and paragraphs wrapped at 69 columns, then END', () => {
    const body = text.render(ArticleEventType.Updated, article, options);
    const lines = body.split('\n');
    expect(lines[0]).toBe(`UPDATE ${article.id} rev 3 2026-12-01T09:00:05.000Z`);
    expect(lines).toContain('HARBOUR BRIDGE REOPENS AFTER TWO YEARS OF REPAIRS');
    expect(lines).toContain('By Ana Ruiz');
    expect(lines).toContain('Commuters cheered.');
    expect(Math.max(...lines.slice(1).map((line) => line.length))).toBeLessThanOrEqual(69);
    expect(body.endsWith('\n\nEND\n')).toBe(true);
  });

  it('turns a kill into a kill notice without the story', () => {
    const body = text.render(ArticleEventType.Killed, killed, options);
    expect(body).toMatch(/^KILL /);
    expect(body).toContain('KILL KILL KILL');
    expect(body).not.toContain('Commuters');
  });
});
