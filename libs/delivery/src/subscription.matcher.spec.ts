import { ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleForMatching, MatchingTopic } from './article-for-matching.types';
import { matchesSubscription, wantsEvent } from './subscription.matcher';
import type { SubscriptionFilters } from './subscription.types';

interface MediaTopic {
  qcode: string;
  label: string;
  ancestors: string[];
}
const mediaTopics = JSON.parse(
  // The scheme Copydesk ships (libs/enrichment/iptc, CC BY 4.0 IPTC).
  readFileSync(join(__dirname, '../../enrichment/iptc/mediatopics-2023-10-24.json'), 'utf8'),
) as MediaTopic[];
const topicByLabel = (label: string, confidence: number): MatchingTopic => {
  const topic = mediaTopics.find((t) => t.label === label);
  if (!topic) throw new Error(`no media topic labelled ${label}`);
  return { qcode: topic.qcode, ancestors: topic.ancestors, confidence };
};

function newArticle(overrides: Partial<ArticleForMatching> = {}): ArticleForMatching {
  return {
    sourceId: '5d7c1f0e-0000-4000-8000-000000000001',
    sourceSlug: 'wire-en',
    language: 'en-GB',
    topics: [topicByLabel('national elections', 0.82), topicByLabel('economy, business and finance', 0.4)],
    entities: {
      people: [{ name: 'Keir Starmer' }],
      organisations: [{ name: 'Labour Party' }],
      places: [{ name: 'Zürich' }],
    },
    contentType: 'news',
    title: 'Election date set',
    bodyText: 'The prime minister announced the election date on Monday.',
    ...overrides,
  };
}
const match = (filters: SubscriptionFilters, article = newArticle()) => matchesSubscription(article, filters);

describe('matchesSubscription', () => {
  it('matches everything when no filter is set, or every list is empty', () => {
    expect(match({})).toEqual({ matched: true });
    expect(match({ sources: [], languages: [], topics: [], entities: [], contentTypes: [], query: '  ' })).toEqual({
      matched: true,
    });
  });

  it('filters by source id or slug', () => {
    expect(match({ sources: ['wire-en'] }).matched).toBe(true);
    expect(match({ sources: ['5d7c1f0e-0000-4000-8000-000000000001'] }).matched).toBe(true);
    expect(match({ sources: ['other'] })).toEqual({ matched: false, reason: 'source not in the subscription' });
  });

  it('filters languages by BCP 47 prefix, case-insensitively', () => {
    expect(match({ languages: ['en'] }).matched).toBe(true);
    expect(match({ languages: ['EN-gb'] }).matched).toBe(true);
    expect(match({ languages: ['en_GB'] }).matched).toBe(true);
    expect(match({ languages: ['en-US', 'fr'] }).matched).toBe(false);
    expect(match({ languages: ['e'] }).matched).toBe(false);
    expect(match({ languages: ['en'] }, newArticle({ language: null })).matched).toBe(false);
  });

  it('matches descendants of a subscribed topic: politics gets national elections', () => {
    expect(match({ topics: ['medtop:11000000'] }).matched).toBe(true);
    expect(match({ topics: [topicByLabel('election', 1).qcode] }).matched).toBe(true);
    expect(match({ topics: ['medtop:15000000'] }).matched).toBe(false);
  });

  it('does not match ancestors of a subscribed topic: local elections does not get national elections', () => {
    expect(match({ topics: [topicByLabel('local elections', 1).qcode] }).matched).toBe(false);
  });

  it('accepts topics as bare ids or cv.iptc.org URIs', () => {
    expect(match({ topics: ['11000000'] }).matched).toBe(true);
    expect(match({ topics: ['http://cv.iptc.org/newscodes/mediatopic/11000000'] }).matched).toBe(true);
  });

  it('applies minConfidence to topic matches', () => {
    expect(match({ topics: ['medtop:04000000'] }).matched).toBe(true);
    expect(match({ topics: ['medtop:04000000'], minConfidence: 0.5 }).matched).toBe(false);
    expect(match({ topics: ['medtop:11000000'], minConfidence: 0.82 }).matched).toBe(true);
    expect(match({ topics: ['medtop:11000000'], minConfidence: 0.9 }).reason).toBe('no subscribed topic at confidence ≥ 0.9');
  });

  it('without a topic filter, minConfidence asks for at least one confident topic', () => {
    expect(match({ minConfidence: 0.8 }).matched).toBe(true);
    expect(match({ minConfidence: 0.9 }).matched).toBe(false);
    expect(match({ minConfidence: 0.1 }, newArticle({ topics: [] })).matched).toBe(false);
  });

  it('matches entity names of any kind, ignoring case, accents and spacing', () => {
    expect(match({ entities: ['keir  starmer'] }).matched).toBe(true);
    expect(match({ entities: ['LABOUR PARTY'] }).matched).toBe(true);
    expect(match({ entities: ['Zurich'] }).matched).toBe(true);
    expect(match({ entities: ['Starmer'] }).matched).toBe(false);
  });

  it('filters content types case-insensitively', () => {
    expect(match({ contentTypes: ['News', 'analysis'] }).matched).toBe(true);
    expect(match({ contentTypes: ['opinion'] }).matched).toBe(false);
    expect(match({ contentTypes: ['news'] }, newArticle({ contentType: null })).matched).toBe(false);
  });

  it('applies the full-text query to title and body', () => {
    expect(match({ query: '"prime minister" election' }).matched).toBe(true);
    expect(match({ query: 'election -monday' })).toEqual({ matched: false, reason: 'the search query does not match' });
  });

  it('gives the same answer when one article object is matched against many subscriptions', () => {
    const article = newArticle();
    expect(match({ query: 'election' }, article).matched).toBe(true);
    expect(match({ query: 'football' }, article).matched).toBe(false);
    expect(match({ query: '"announced the election"' }, article).matched).toBe(true);
  });

  it('requires every set filter to match', () => {
    const filters: SubscriptionFilters = {
      sources: ['wire-en'],
      languages: ['en'],
      topics: ['11000000'],
      query: 'election',
    };
    expect(match(filters).matched).toBe(true);
    expect(match({ ...filters, query: 'football' }).matched).toBe(false);
    expect(match({ ...filters, languages: ['de'] }).matched).toBe(false);
  });
});

describe('wantsEvent', () => {
  it('needs an active subscription to the event type', () => {
    expect(
      wantsEvent(
        { status: SubscriptionStatus.Active, events: [ArticleEventType.Created, ArticleEventType.Killed] },
        ArticleEventType.Killed,
      ),
    ).toBe(true);
    expect(wantsEvent({ status: SubscriptionStatus.Active, events: [ArticleEventType.Created] }, ArticleEventType.Updated)).toBe(false);
    expect(wantsEvent({ status: SubscriptionStatus.Paused, events: [ArticleEventType.Created] }, ArticleEventType.Created)).toBe(false);
    expect(wantsEvent({ status: SubscriptionStatus.Disabled, events: [ArticleEventType.Created] }, ArticleEventType.Created)).toBe(false);
  });
});
