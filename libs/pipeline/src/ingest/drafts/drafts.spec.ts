import type { ExtractedArticle } from '@copydesk/extraction';
import type { FeedItem } from '@copydesk/feeds';
import { EmptyArticleError, splitByline } from './article-draft';
import { draftFromFeedItem } from './feed-item.draft';
import { NoArticleError, draftFromPage } from './page.draft';
import { draftFromPush } from './push.draft';

describe('drafts', () => {
  describe('from a push', () => {
    it('reads dates without an offset in the source time zone, and stores UTC', () => {
      const draft = draftFromPush(
        { title: 'T', body: 'B', publishedAt: '2026-07-01T09:30:00', modifiedAt: '2026-07-01T10:00:00+02:00' },
        'Europe/Paris',
      );
      expect(draft.publishedAt?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
      expect(draft.modifiedAt?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
      expect(draftFromPush({ title: 'T', body: 'B', publishedAt: '2026-07-01T09:30:00' }).publishedAt?.toISOString()).toBe(
        '2026-07-01T09:30:00.000Z',
      );
    });

    it('turns plain text into paragraphs and sniffs HTML', () => {
      expect(draftFromPush({ title: 'T', body: 'First line.\n\nSecond <line>.' }).bodyHtml).toBe(
        '<p>First line.</p>\n<p>Second &lt;line&gt;.</p>',
      );
      expect(draftFromPush({ title: 'T', body: '<p>Already <em>HTML</em></p>' }).bodyText).toBe('Already HTML');
      expect(draftFromPush({ title: 'T', body: '<p>literal tags</p>', bodyFormat: 'text' }).bodyText).toBe('<p>literal tags</p>');
    });

    it('normalizes the title and URL, and keeps the same hash when only markup changes', () => {
      const a = draftFromPush({
        title: '  Bridge\u00a0 reopens ',
        body: '<p>Open again.</p>',
        url: 'HTTPS://News.Example.com:443/a?utm_medium=x#top',
      });
      const b = draftFromPush({ title: 'Bridge reopens', body: '<p><strong>Open</strong> again.</p>' });
      expect(a.title).toBe('Bridge reopens');
      expect(a.canonicalUrl).toBe('https://news.example.com/a');
      expect(a.contentHash).toBe(b.contentHash);
      expect(draftFromPush({ title: 'Bridge reopens', body: '<p>Closed again.</p>' }).contentHash).not.toBe(a.contentHash);
    });

    it('makes a withdrawal of a canceled push', () => {
      expect(draftFromPush({ title: '', body: '', pubStatus: 'canceled', killReason: 'Legal' }).kill).toEqual({ reason: 'Legal' });
    });

    it('refuses an input with neither title nor text', () => {
      expect(() => draftFromPush({ title: ' ', body: '<p> </p>' })).toThrow(EmptyArticleError);
    });
  });

  it('splits bylines into authors without "By"', () => {
    expect(splitByline('By Jane Doe and John Roe')).toEqual({ byline: 'Jane Doe and John Roe', authors: ['Jane Doe', 'John Roe'] });
    expect(splitByline('Ana Ruiz, Lee Chan & Sam Poe')).toEqual({
      byline: 'Ana Ruiz, Lee Chan & Sam Poe',
      authors: ['Ana Ruiz', 'Lee Chan', 'Sam Poe'],
    });
    expect(splitByline(null)).toEqual({ byline: null, authors: [] });
  });

  it('reads a full feed item, with its lead image and categories', () => {
    const item = {
      guid: 'g1',
      link: 'https://example.com/a',
      title: 'Market returns',
      summary: 'Short.',
      contentHtml: '<p>The market is back.</p>',
      authors: [{ name: 'Ana Ruiz' }],
      categories: [{ term: 'local' }],
      enclosures: [],
      media: [{ url: 'https://example.com/a.jpg', kind: 'content', medium: 'image', description: 'Stalls' }],
      publishedAt: '2026-11-27T08:00:00Z',
      updatedAt: null,
      language: 'en-gb',
    } as unknown as FeedItem;
    const draft = draftFromFeedItem(item);
    expect(draft).toMatchObject({
      title: 'Market returns',
      byline: 'Ana Ruiz',
      language: 'en-GB',
      bodyText: 'The market is back.',
      description: 'Short.',
    });
    expect(draft.metadata).toMatchObject({ tags: ['local'], image: { url: 'https://example.com/a.jpg', caption: 'Stalls' } });
  });

  it('fails a page without an article, and prefers the page canonical URL', () => {
    const base = {
      isArticle: true,
      noArticleReason: null,
      title: 'Page title',
      byline: 'Lee Chan',
      authors: ['Lee Chan'],
      publishedAt: '2026-11-20T07:30:00.000Z',
      publishedDate: '2026-11-20',
      modifiedAt: null,
      canonicalUrl: 'https://example.com/story',
      siteName: 'Gazette',
      section: 'News',
      tags: [],
      image: null,
      description: null,
      language: 'en',
      access: 'free',
      bodyHtml: '<p>Body text here.</p>',
      bodyText: 'Body text here.',
      wordCount: 3,
      provenance: { title: 'json-ld' },
    } as ExtractedArticle;
    expect(draftFromPage(base, 'https://example.com/story/amp?utm_source=x')).toMatchObject({
      canonicalUrl: 'https://example.com/story',
      title: 'Page title',
    });
    expect(() => draftFromPage({ ...base, isArticle: false, noArticleReason: 'listing-page' }, 'https://example.com/')).toThrow(
      NoArticleError,
    );
  });
});
