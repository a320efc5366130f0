import { ArticleEventType } from '@copydesk/contracts';
import type { ArticleForPublishing, PublishingAgency } from '../article-for-publishing.types';
import { outputFormat } from './output-formats';

const agency: PublishingAgency = {
  guid: 'urn:newsml:copydesk.test:20261207:ferry',
  version: 4,
  provider: { qcode: 'nprov:CPYDSK', uri: null, name: 'Copydesk Test Agency' },
  urgency: 2,
  priority: 3,
  rights: { copyrightHolder: 'Copydesk Test Agency', copyrightNotice: '© 2026 Copydesk Test Agency', usageTerms: 'No archive use.' },
  genres: [{ qcode: 'genre:Current', uri: 'http://cv.iptc.org/newscodes/genre/Current', name: 'Current' }],
  subjects: [
    { qcode: 'subj:04000000', uri: null, name: 'economy, business and finance', mediaTopic: 'medtop:04000000', mediaTopicMatch: 'exact' },
    { qcode: 'subj:99999999', uri: null, name: 'unmapped', mediaTopic: null, mediaTopicMatch: null },
  ],
  mediaTopics: ['medtop:04000000'],
  dateline: 'DOVER, Dec 7',
  located: { name: 'Dover', qcode: 'geo:2643743' },
  hopHistory: [{ seq: 1, timestamp: '2026-12-07T06:00:00Z', party: null, actions: [{ qcode: 'hopaction:created', target: null }] }],
};

const article: ArticleForPublishing = {
  id: '0b6a3c3e-9a0d-4c61-8d44-222222222222',
  revision: 2,
  status: 'published',
  title: 'Ferry crossings resume after two-day storm',
  bodyHtml: '<p>Ferry crossings resumed on Monday.</p>',
  bodyText: 'Ferry crossings resumed on Monday.',
  byline: 'Mara Quinn',
  language: 'en',
  publishedAt: new Date('2026-12-07T06:00:00Z'),
  modifiedAt: new Date('2026-12-07T06:10:00Z'),
  firstCreatedAt: new Date('2026-12-07T06:00:00Z'),
  canonicalUrl: null,
  description: null,
  image: null,
  embargoUntil: null,
  enrichment: {
    topics: [{ qcode: 'medtop:04000000', label: 'economy, business and finance', confidence: 0.8, ancestors: [] }],
    entities: { people: [], organisations: [], places: [] },
  },
  source: { id: 's', slug: 'agency', name: 'Agency' },
  agency,
};
const options = { baseUri: 'https://copydesk.example.com/articles/', occurredAt: new Date('2026-12-07T06:10:05Z') };
const data = (name: 'native' | 'ninjs', input: ArticleForPublishing, event = ArticleEventType.Created): Record<string, unknown> =>
  (JSON.parse(outputFormat(name).render(event, input, options).toString()) as { data: Record<string, unknown> }).data;

describe('agency metadata in deliveries', () => {
  it('native JSON carries the agency record whole, with Media Topic URIs', () => {
    const native = data('native', article);
    expect(native.agency).toMatchObject({
      guid: agency.guid,
      version: 4,
      urgency: 2,
      priority: 3,
      rights: agency.rights,
      dateline: 'DOVER, Dec 7',
    });
    expect((native.agency as { subjects: Array<{ mediaTopicUri: string | null }> }).subjects.map((s) => s.mediaTopicUri)).toEqual([
      'http://cv.iptc.org/newscodes/mediatopic/04000000',
      null,
    ]);
    expect(data('native', { ...article, agency: null }).agency).toBeNull();
  });

  it('ninjs carries urgency, rights, genre, Media Topics, place and the agency ids, and still passes the ninjs 3.1 schema', () => {
    const ninjs = outputFormat('ninjs');
    const body = ninjs.render(ArticleEventType.Created, article, options);
    expect(ninjs.check(body)).toEqual([]);
    const doc = data('ninjs', article);
    expect(doc).toMatchObject({
      urgency: 2,
      copyrightHolder: 'Copydesk Test Agency',
      copyrightNotice: '© 2026 Copydesk Test Agency',
      usageTerms: 'No archive use.',
      located: 'Dover',
    });
    expect(doc.altIds).toEqual([
      { role: 'agency-guid', value: agency.guid },
      { role: 'agency-version', value: '4' },
    ]);
    expect(doc.genres).toEqual([{ name: 'Current', uri: 'http://cv.iptc.org/newscodes/genre/Current', literal: 'genre:Current' }]);
    // Enrichment's topic and the agency's subject name the same Media Topic: it is listed once.
    expect((doc.subjects as Array<{ uri: string }>).map((s) => s.uri)).toEqual(['http://cv.iptc.org/newscodes/mediatopic/04000000']);
  });

  it('a ninjs kill notice keeps the agency ids and rights, not the subjects', () => {
    const ninjs = outputFormat('ninjs');
    const killed = { ...article, status: 'killed' as const };
    expect(ninjs.check(ninjs.render(ArticleEventType.Killed, killed, options))).toEqual([]);
    const doc = data('ninjs', killed, ArticleEventType.Killed);
    expect(doc).toMatchObject({ pubStatus: 'canceled', urgency: 2, usageTerms: 'No archive use.' });
    expect(doc.subjects).toBeUndefined();
    expect(doc.genres).toBeUndefined();
  });
});
