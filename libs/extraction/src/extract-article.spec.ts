import { countWords, extractArticle } from './extract-article';
import { newsPage, STORY } from './testing/synthetic-page';

const now = new Date('2024-06-01T00:00:00Z');
const URL = 'https://www.example.com/news/2021/03/12/ferry';

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('extractArticle metadata', () => {
  it('reads JSON-LD first and records where each field came from', () => {
    const head =
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Harbour Gazette' },
          {
            '@type': 'NewsArticle',
            headline: 'Council expands harbour ferry service',
            author: [
              { '@type': 'Person', name: 'Jane Doe' },
              { '@type': 'Person', name: 'John Roe' },
            ],
            datePublished: '2021-03-12T09:41:00+01:00',
            dateModified: '2021-03-12T15:00:00+01:00',
            articleSection: 'Local',
            keywords: 'ferry, harbour, transport',
            isAccessibleForFree: false,
            image: { '@type': 'ImageObject', url: 'https://cdn.example.com/ferry.jpg' },
          },
        ],
      }) +
      '<meta property="og:site_name" content="Harbour Gazette"><meta name="description" content="More ferries are coming.">' +
      '<link rel="canonical" href="/news/ferry">';
    const article = extractArticle(newsPage({ head }), URL, { now });
    expect(article).toMatchObject({
      isArticle: true,
      noArticleReason: null,
      title: 'Council expands harbour ferry service',
      byline: 'Jane Doe, John Roe',
      authors: ['Jane Doe', 'John Roe'],
      publishedAt: '2021-03-12T08:41:00.000Z',
      publishedDate: '2021-03-12',
      modifiedAt: '2021-03-12T14:00:00.000Z',
      canonicalUrl: 'https://www.example.com/news/ferry',
      siteName: 'Harbour Gazette',
      section: 'Local',
      tags: ['ferry', 'harbour', 'transport'],
      image: 'https://cdn.example.com/ferry.jpg',
      description: 'More ferries are coming.',
      language: 'en',
      access: 'paywalled',
    });
    expect(article.provenance).toMatchObject({
      title: 'dom',
      byline: 'json-ld',
      publishedAt: 'json-ld',
      modifiedAt: 'json-ld',
      canonicalUrl: 'meta',
      section: 'json-ld',
      tags: 'json-ld',
      image: 'json-ld',
      description: 'meta',
      language: 'dom',
      access: 'json-ld',
      body: 'dom',
    });
    expect(article.wordCount).toBeGreaterThan(100);
  });

  it('falls back to Open Graph and article meta tags', () => {
    const head =
      '<meta property="og:title" content="Council expands harbour ferry service"><meta property="article:published_time" content="2021-03-12T09:41:00Z">' +
      '<meta property="article:modified_time" content="2021-03-13T10:00:00Z"><meta name="author" content="By Jane Doe">' +
      '<meta property="article:tag" content="ferry"><meta property="article:tag" content="harbour"><meta property="og:image" content="/img/lead.jpg">' +
      '<meta property="article:section" content="Local"><meta property="article:content_tier" content="free">';
    const article = extractArticle(newsPage({ head }), URL, { now });
    expect(article).toMatchObject({
      authors: ['Jane Doe'],
      publishedAt: '2021-03-12T09:41:00.000Z',
      modifiedAt: '2021-03-13T10:00:00.000Z',
      tags: ['ferry', 'harbour'],
      image: 'https://www.example.com/img/lead.jpg',
      section: 'Local',
      access: 'free',
    });
    expect(article.provenance).toMatchObject({ byline: 'meta', publishedAt: 'meta', tags: 'meta', image: 'meta', access: 'meta' });
  });

  it('follows an author given as an @id reference to the Person node elsewhere in the @graph', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Person', '@id': 'https://www.example.com/#/schema/person/42', name: 'Mara Olsen' },
        { '@type': 'Organization', '@id': 'https://www.example.com/#organization', name: 'Harbour Gazette' },
        {
          '@type': 'Article',
          headline: 'Council expands harbour ferry service',
          author: { '@id': 'https://www.example.com/#/schema/person/42' },
          publisher: { '@id': 'https://www.example.com/#organization' },
        },
      ],
    });
    const article = extractArticle(newsPage({ head }), URL, { now });
    expect(article.authors).toEqual(['Mara Olsen']);
    expect(article.provenance.byline).toBe('json-ld');
  });

  it('reads a microdata author named only by a meta tag', () => {
    const intro = '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Mara Olsen"></div>';
    const article = extractArticle(newsPage({ intro }), URL, { now });
    expect(article.authors).toEqual(['Mara Olsen']);
    expect(article.provenance.byline).toBe('dom');
  });

  it('reads a byline whose name and role sit on separate lines as the name alone', () => {
    const broken = extractArticle(newsPage({ intro: '<div class="byline">Mara Olsen<br>Gazette Staff</div>' }), URL, { now });
    expect(broken.authors).toEqual(['Mara Olsen']);
    const blocks = extractArticle(
      newsPage({
        intro: '<div class="author-box"><p>By Mara Olsen</p><p>Harbour correspondent</p></div>',
      }),
      URL,
      { now },
    );
    expect(blocks.authors).toEqual(['Mara Olsen']);
  });

  it('reads byline and date from the page when there is no structured data, and the date from the URL last', () => {
    const dated = extractArticle(
      newsPage({
        intro: '<p class="byline">By Jane Doe and John Roe, Staff Writers</p><time datetime="2021-03-11T18:00:00-05:00">March 11</time>',
      }),
      URL,
      { now },
    );
    expect(dated.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(dated.provenance.byline).toBe('dom');
    expect(dated.publishedAt).toBe('2021-03-11T23:00:00.000Z');
    expect(dated.publishedDate).toBe('2021-03-11');
    expect(dated.provenance.publishedAt).toBe('dom');

    const fromUrl = extractArticle(newsPage(), URL, { now });
    expect(fromUrl.publishedDate).toBe('2021-03-12');
    expect(fromUrl.provenance.publishedAt).toBe('url');
  });

  it('takes a date written in prose near the headline, but lets a full URL date overrule it', () => {
    const prose = extractArticle(
      newsPage({ intro: '<p class="info">Veröffentlicht am 10. März 2021, 14:30 Uhr</p>' }),
      'https://www.example.com/ferry',
      { now },
    );
    expect(prose.publishedDate).toBe('2021-03-10');
    expect(prose.provenance.publishedAt).toBe('text');
    const conflicting = extractArticle(newsPage({ intro: '<p class="info">10. März 2021</p>' }), URL, { now });
    expect(conflicting.publishedDate).toBe('2021-03-12');
  });

  it('reports the day as the publisher wrote it when JSON-LD gives UTC and a meta tag the local time', () => {
    const head =
      jsonLd({ '@type': 'NewsArticle', headline: 'Council expands harbour ferry service', datePublished: '2019-10-18T22:04:00Z' }) +
      '<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">';
    const article = extractArticle(newsPage({ head }), 'https://www.example.com/a', { now });
    expect(article.publishedAt).toBe('2019-10-18T22:04:00.000Z');
    expect(article.publishedDate).toBe('2019-10-19');
  });

  it('follows a re-dated page: structured data say published X, modified Y, and only Y is shown', () => {
    const head = jsonLd({
      '@type': 'Article',
      headline: 'Council expands harbour ferry service',
      datePublished: '2017-08-21',
      dateModified: '2019-04-03',
    });
    const article = extractArticle(newsPage({ head, intro: '<div class="meta">03.04.2019</div>' }), 'https://www.example.com/a', { now });
    expect(article.publishedDate).toBe('2019-04-03');
    const shownBoth = extractArticle(
      newsPage({ head, intro: '<div class="meta">2017-08-21, updated 03.04.2019</div>' }),
      'https://www.example.com/a',
      { now },
    );
    expect(shownBoth.publishedDate).toBe('2017-08-21');
  });

  it('prefers a labelled publication date over a generic meta date (often the last change)', () => {
    const article = extractArticle(
      newsPage({ head: '<meta name="date" content="2021-10-15">', inside: '<p>Erschienen am: 13.10.2021</p>' }),
      'https://www.example.com/presse/a',
      { now },
    );
    expect(article.publishedDate).toBe('2021-10-13');
  });

  it('strips the site name from the title when no headline element agrees', () => {
    const html = `<html><head><title>Ferry timetable changes | Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette"></head><body><div>${STORY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const article = extractArticle(html, URL, { now });
    expect(article.title).toBe('Ferry timetable changes');
    expect(article.provenance.title).toBe('meta');
  });

  it('uses the canonical URL to resolve links when the page comes without its address', () => {
    const html = newsPage({
      head: '<link rel="canonical" href="https://www.example.com/news/ferry">',
      inside: `<p>${STORY[0]} <a href="/timetable">timetable</a></p>`,
    });
    const article = extractArticle(html, undefined, { now });
    expect(article.canonicalUrl).toBe('https://www.example.com/news/ferry');
    expect(article.bodyHtml).toContain('href="https://www.example.com/timetable"');
  });

  it('reads the language from <html lang>, then og:locale', () => {
    expect(extractArticle(newsPage().replace('lang="en"', 'lang="de_AT"'), URL).language).toBe('de-AT');
    const noLang = newsPage({ head: '<meta property="og:locale" content="fr_FR">' }).replace(' lang="en"', '');
    expect(extractArticle(noLang, URL).language).toBe('fr-FR');
  });
});

describe('extractArticle body sources', () => {
  it('falls back to JSON-LD articleBody when the page renders its text with scripts', () => {
    const head = jsonLd({ '@type': 'NewsArticle', headline: 'Council expands harbour ferry service', articleBody: STORY.join('\n') });
    const html = `<html><head><title>Council expands harbour ferry service</title>${head}</head><body><div id="app"><h1>Council expands harbour ferry service</h1><p>Loading the story, please wait a moment.</p></div></body></html>`;
    const article = extractArticle(html, URL, { now });
    expect(article.bodyText).toBe(STORY.join('\n'));
    expect(article.bodyHtml.startsWith(`<p>${STORY[0]}</p>`)).toBe(true);
    expect(article.provenance.body).toBe('json-ld');
  });
});

describe('extractArticle on pages without an article', () => {
  it('flags error pages and returns no body', () => {
    const html =
      '<html><head><title>404 Page not found | Harbour Gazette</title></head><body><nav><a href="/">Home</a></nav><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist. Try the search or go back to the home page.</p></body></html>';
    const article = extractArticle(html, URL);
    expect(article).toMatchObject({ isArticle: false, noArticleReason: 'error-page', bodyText: '', bodyHtml: '', wordCount: 0 });
  });

  it('flags a section front made of teasers as a listing', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, i) =>
        `<div class="teaser"><h3><a href="/news/story-${i}">Headline number ${i} about the harbour</a></h3><p>Short summary of story ${i}.</p></div>`,
    ).join('');
    const article = extractArticle(
      `<html><head><title>Local news</title></head><body><main>${teasers}</main></body></html>`,
      'https://www.example.com/local',
    );
    expect(article.isArticle).toBe(false);
    expect(article.noArticleReason).toMatch(/listing-page|no-main-content/);
  });

  it('flags empty pages', () => {
    expect(extractArticle('<html><body><div id="app"></div></body></html>').noArticleReason).toBe('empty-page');
    expect(extractArticle('').noArticleReason).toBe('empty-page');
  });
});

describe('countWords', () => {
  it('counts words, and each CJK character as a word', () => {
    expect(countWords('The ferry leaves at six — on time.')).toBe(7);
    expect(countWords('日本語 text')).toBe(4);
  });
});
