import type { ArticleForPublishing } from './article-for-publishing.types';
import { toNativeJson } from './native-json.mapper';

const article: ArticleForPublishing = {
  id: '3f0e8c8a-4b8f-4d7e-9a51-5a4f4c7b9e21',
  revision: 2,
  status: 'published',
  title: 'Storm closes ports',
  bodyHtml: '<p>Ports closed.</p>',
  bodyText: 'Ports closed.',
  byline: null,
  language: 'pt-PT',
  publishedAt: null,
  modifiedAt: new Date('2026-02-01T12:00:00Z'),
  firstCreatedAt: new Date('2026-02-01T11:00:00Z'),
  canonicalUrl: 'https://news.example.com/storm',
  description: null,
  image: { url: 'https://img.example.com/storm.jpg', caption: 'Waves', width: 800 },
  embargoUntil: new Date('2026-02-01T13:00:00Z'),
  enrichment: {
    topics: [{ qcode: 'medtop:06000000', label: 'environment', confidence: 0.7, ancestors: [] }],
    entities: { people: [], organisations: [], places: [{ name: 'Porto' }] },
    contentType: 'news',
  },
  source: { id: 's1', slug: 'wire-pt', name: 'Wire PT' },
};

describe('toNativeJson', () => {
  it('maps every field, with ISO dates, nulls for unknowns and topic URIs', () => {
    expect(toNativeJson(article)).toEqual({
      schemaVersion: 1,
      id: article.id,
      revision: 2,
      status: 'published',
      url: 'https://news.example.com/storm',
      title: 'Storm closes ports',
      description: null,
      byline: null,
      authors: [],
      language: 'pt-PT',
      bodyHtml: '<p>Ports closed.</p>',
      bodyText: 'Ports closed.',
      publishedAt: null,
      modifiedAt: '2026-02-01T12:00:00.000Z',
      firstCreatedAt: '2026-02-01T11:00:00.000Z',
      embargoUntil: '2026-02-01T13:00:00.000Z',
      image: { url: 'https://img.example.com/storm.jpg', caption: 'Waves', width: 800 },
      source: { id: 's1', slug: 'wire-pt', name: 'Wire PT' },
      contentType: 'news',
      topics: [
        {
          qcode: 'medtop:06000000',
          label: 'environment',
          confidence: 0.7,
          ancestors: [],
          uri: 'http://cv.iptc.org/newscodes/mediatopic/06000000',
        },
      ],
      entities: { people: [], organisations: [], places: [{ name: 'Porto' }] },
      keywords: [],
    });
  });

  it('strips the withdrawn content of a killed article', () => {
    const killed = toNativeJson({ ...article, status: 'killed' });
    expect(killed).toMatchObject({
      status: 'killed',
      title: 'Storm closes ports',
      bodyHtml: null,
      bodyText: null,
      image: null,
      topics: [],
    });
    expect(killed.entities.places).toEqual([]);
  });
});
