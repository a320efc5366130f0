import { ArticleStatus } from '@copydesk/contracts';
import { ArticleEntity, type SourceEntity } from '@copydesk/database';
import { matchesSubscription, toNativeJson } from '@copydesk/delivery';
import { enrichArticle } from '@copydesk/enrichment';
import { toArticleForMatching, toArticleForPublishing } from './article-views';

const title = 'Voters head to the polls in general election';
const bodyText =
  'Millions of voters cast their ballots on Thursday in a general election that pits the Labour Party against the Conservative Party. ' +
  'Keir Starmer urged supporters to turn out. Polling stations in London and Manchester reported long queues.';

function article(fields: Partial<ArticleEntity> = {}): ArticleEntity {
  return Object.assign(new ArticleEntity(), {
    id: '5f0c8a9e-7d1b-4c8e-9a51-0d4f3b2a1c00',
    sourceId: '0b6d2c1e-1111-4a2b-8c3d-4e5f6a7b8c9d',
    title,
    bodyText,
    bodyHtml: `<p>${bodyText}</p>`,
    byline: 'Ana Ruiz',
    authors: ['Ana Ruiz'],
    language: 'en',
    status: ArticleStatus.Enriched,
    revision: 1,
    embargoUntil: null,
    publishedAt: new Date('2026-11-24T07:00:00Z'),
    contentChangedAt: new Date('2026-11-24T07:05:00Z'),
    createdAt: new Date('2026-11-24T07:05:00Z'),
    updatedAt: new Date('2026-11-24T07:06:00Z'),
    canonicalUrl: 'https://news.example.com/election',
    description: null,
    metadata: {},
    // What ArticleEnricher stores: the enricher's output as jsonb.
    enrichment: JSON.parse(JSON.stringify(enrichArticle({ title, bodyText }))) as Record<string, unknown>,
    ...fields,
  });
}

const source = { id: '0b6d2c1e-1111-4a2b-8c3d-4e5f6a7b8c9d', slug: 'cms', name: 'CMS push' } as SourceEntity;

describe('article views for publishing', () => {
  it('gives the matcher topics with their ancestors, so subscribing to politics gets an election', () => {
    const forMatching = toArticleForMatching(article(), source);
    const election = forMatching.topics.find((topic) => topic.qcode === 'medtop:20000574');
    expect(election?.ancestors).toEqual(['medtop:11000000']);
    expect(matchesSubscription(forMatching, { topics: ['medtop:11000000'] }).matched).toBe(true);
    expect(matchesSubscription(forMatching, { topics: ['medtop:15000000'] }).matched).toBe(false);
    expect(matchesSubscription(forMatching, { entities: ['keir starmer'] }).matched).toBe(true);
    expect(matchesSubscription(forMatching, { sources: ['cms'], contentTypes: ['news'], languages: ['en'] }).matched).toBe(true);
  });

  it('publishes only the enrichment fields of the wire contract, nothing internal', () => {
    const native = toNativeJson(toArticleForPublishing(article(), source));
    expect(native.topics.length).toBeGreaterThan(0);
    for (const topic of native.topics) expect(Object.keys(topic).sort()).toEqual(['ancestors', 'confidence', 'label', 'qcode', 'uri']);
    for (const entity of [...native.entities.people, ...native.entities.organisations, ...native.entities.places])
      expect(Object.keys(entity)).toEqual(['name']);
    expect(native.contentType).toBe('news');
  });

  it('is published when delivered, even while embargoed (it is only sent once the embargo has passed), and killed when killed', () => {
    const embargoUntil = new Date(Date.now() + 3_600_000);
    expect(toArticleForPublishing(article({ embargoUntil }), source)).toMatchObject({ status: 'published', embargoUntil });
    expect(toArticleForPublishing(article({ status: ArticleStatus.Killed }), source).status).toBe('killed');
  });

  it('reads older or partial enrichments without failing', () => {
    const legacy = article({
      enrichment: {
        topics: [{ qcode: 'medtop:11000000', confidence: 0.9, ancestors: ['medtop:x'] }, { label: 'no qcode' }],
        entities: { people: ['Ana Ruiz', { name: '' }] },
        contentType: 'opinion',
      },
    });
    expect(toArticleForMatching(legacy, null)).toMatchObject({
      topics: [{ qcode: 'medtop:11000000', confidence: 0.9, ancestors: ['medtop:x'] }],
      entities: { people: [{ name: 'Ana Ruiz' }], organisations: [], places: [] },
      contentType: 'opinion',
    });
    expect(toArticleForPublishing(article({ enrichment: null }), null).enrichment).toEqual({
      topics: [],
      entities: { people: [], organisations: [], places: [] },
      keywords: [],
      contentType: null,
      enricherVersion: undefined,
      schemeVersion: undefined,
    });
  });
});
