import { FeedParseError, FeedParseErrorCode } from './feed.exception';
import { parseFeed } from './parse-feed';

const rss = (items: string, channel = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>
  <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
       xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
    <channel><title>Newsroom</title><link>https://news.example/</link><description>All the news</description>
      <language>en-GB</language>${channel}${items}</channel>
  </rss>`;

describe('parseFeed: RSS', () => {
  it('reads channel and item fields, dates in UTC', () => {
    const feed = parseFeed(
      rss(
        `<item>
          <title>Council approves budget</title>
          <link>https://news.example/budget</link>
          <guid isPermaLink="false">story-123</guid>
          <description>&lt;p&gt;The council &lt;b&gt;approved&lt;/b&gt; it.&lt;/p&gt;</description>
          <content:encoded><![CDATA[<p>Full <a href="/more">story</a>.</p><script>alert(1)</script>]]></content:encoded>
          <dc:creator>Jo Bloggs</dc:creator>
          <author>desk@news.example (News Desk)</author>
          <category domain="https://news.example/tags">Politics</category>
          <enclosure url="https://cdn.news.example/a.mp3" length="1234" type="audio/mpeg"/>
          <media:thumbnail url="https://cdn.news.example/t.jpg" width="120" height="80"/>
          <pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate>
        </item>`,
        '<atom:link rel="self" href="https://news.example/feed.xml"/>',
      ),
      { url: 'https://news.example/feed.xml' },
    );
    expect(feed).toMatchObject({ format: 'rss', version: 'rss20', title: 'Newsroom', link: 'https://news.example/' });
    expect(feed.feedUrl).toBe('https://news.example/feed.xml');
    expect(feed.language).toBe('en-GB');
    expect(feed.wellFormed).toBe(true);
    const [item] = feed.items;
    expect(item).toMatchObject({
      guid: 'story-123',
      guidIsPermaLink: false,
      link: 'https://news.example/budget',
      title: 'Council approves budget',
      summary: 'The council approved it.',
      publishedAt: '2003-06-10T09:00:00Z',
      language: 'en-GB',
    });
    expect(item.contentHtml).toBe('<p>Full <a href="https://news.example/more">story</a>.</p>');
    expect(item.authors).toEqual([
      { name: 'Jo Bloggs', raw: 'Jo Bloggs', element: 'dc:creator' },
      { name: 'News Desk', email: 'desk@news.example', raw: 'desk@news.example (News Desk)', element: 'author' },
    ]);
    expect(item.categories).toEqual([{ term: 'Politics', scheme: 'https://news.example/tags', element: 'category' }]);
    expect(item.enclosures).toEqual([{ url: 'https://cdn.news.example/a.mp3', type: 'audio/mpeg', length: 1234 }]);
    expect(item.media[0]).toMatchObject({ url: 'https://cdn.news.example/t.jpg', kind: 'thumbnail', width: 120, height: 80 });
  });

  it('uses a permalink guid as the link only when there is no link', () => {
    const feed = parseFeed(
      rss(
        '<item><guid>https://news.example/a</guid></item><item><guid>https://news.example/b</guid><link>https://news.example/real</link></item>',
      ),
    );
    expect(feed.items.map((i) => i.link)).toEqual(['https://news.example/a', 'https://news.example/real']);
  });

  it('names the element each person came from, and keeps a channel owner over a webmaster', () => {
    const feed = parseFeed(
      rss(
        '<item><author>desk@news.example</author><dc:creator>Jo Bloggs</dc:creator></item>',
        '<itunes:owner xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><itunes:name>Radio Desk</itunes:name></itunes:owner>' +
          '<webMaster>ops@news.example</webMaster>',
      ),
    );
    expect(feed.items[0].authors.map((a) => a.element)).toEqual(['author', 'dc:creator']);
    expect(feed.publisher).toMatchObject({ name: 'Radio Desk', element: 'itunes:owner' });
  });

  it("prefers an item's Dublin Core title to its plain title, in either order", () => {
    const feed = parseFeed(
      rss(
        '<item><title>Budget</title><dc:title>Council approves the 2027 budget</dc:title></item>' +
          '<item><dc:title>Mayor resigns after vote</dc:title><title>Mayor</title></item><item><title>Only plain</title><dc:title></dc:title></item>',
      ),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Council approves the 2027 budget', 'Mayor resigns after vote', 'Only plain']);
  });

  it("takes an RDF item's own title before its Dublin Core title, which stands in when the title is missing", () => {
    const feed = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://news.example/"><title>RDF news</title><link>https://news.example/</link></channel>
      <item rdf:about="https://news.example/1"><title>Budget passes</title><dc:title>Council approves the budget</dc:title></item>
      <item rdf:about="https://news.example/2"><dc:title>Mayor resigns</dc:title></item></rdf:RDF>`);
    expect(feed.items.map((i) => i.title)).toEqual(['Budget passes', 'Mayor resigns']);
  });

  it('keeps the markup as the feed gave it beside the sanitized value, only when sanitizing changed it', () => {
    const feed = parseFeed(
      rss(
        '<item><title>a</title><description><![CDATA[<p>See <a href="/more" onclick="x()">more</a><br></p>]]></description></item>' +
          '<item><title>b</title><description><![CDATA[<p>Already <b>clean</b></p>]]></description></item>',
      ),
      { url: 'https://news.example/feed.xml' },
    );
    const [changed, unchanged] = feed.items.map((i) => i.summaryDetail);
    expect(changed).toMatchObject({
      value: '<p>See <a href="https://news.example/more">more</a><br /></p>',
      raw: '<p>See <a href="/more" onclick="x()">more</a><br></p>',
    });
    expect(unchanged?.value).toBe('<p>Already <b>clean</b></p>');
    expect(unchanged).not.toHaveProperty('raw');
  });

  it('records the element each category came from, Google Play categories included', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
        xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
      <channel><title>Radio</title><googleplay:category text="News"/><itunes:keywords>city, council</itunes:keywords>
      <item><title>a</title><category>Politics</category><media:category label="Town hall">gov/local</media:category></item>
      </channel></rss>`);
    expect(feed.categories).toEqual([
      { term: 'News', scheme: 'http://www.google.com/schemas/play-podcasts/1.0', element: 'googleplay:category' },
      { term: 'city', element: 'itunes:keywords' },
      { term: 'council', element: 'itunes:keywords' },
    ]);
    expect(feed.items[0].categories.map((c) => [c.element, c.label ?? c.term])).toEqual([
      ['category', 'Politics'],
      ['media:category', 'Town hall'],
    ]);
  });

  it('reads RSS 1.0 (RDF) items beside the channel', () => {
    const feed = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://news.example/"><title>RDF news</title><link>https://news.example/</link></channel>
      <item rdf:about="https://news.example/1"><title>One</title><link>https://news.example/1</link></item>
    </rdf:RDF>`);
    expect(feed).toMatchObject({ format: 'rdf', version: 'rss10', title: 'RDF news' });
    expect(feed.items[0]).toMatchObject({ guid: 'https://news.example/1', title: 'One' });
  });
});

describe('parseFeed: Atom', () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/" xml:lang="fr">
    <title type="html">Le &lt;em&gt;blog&lt;/em&gt;</title>
    <link href="/"/><link rel="self" href="/atom.xml"/>
    <updated>2024-03-01T10:00:00+01:00</updated>
    <author><name>Ana</name><uri>/ana</uri></author>
    <entry xml:base="posts/">
      <id>tag:blog.example,2024:1</id>
      <title>Premier</title>
      <link rel="alternate" type="text/html" href="premier.html"/>
      <link rel="enclosure" type="image/png" href="/img.png" length="42"/>
      <published>2024-02-29T23:30:00-02:00</published>
      <summary>Court résumé</summary>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Voir <a href="suite.html">la suite</a></p></div></content>
      <category term="tech" label="Technique"/>
    </entry>
  </feed>`;

  it('resolves relative links against xml:base, nesting included', () => {
    const feed = parseFeed(atom, { url: 'https://elsewhere.example/feed' });
    expect(feed.link).toBe('https://blog.example/');
    expect(feed.feedUrl).toBe('https://blog.example/atom.xml');
    expect(feed.authors[0]).toEqual({ name: 'Ana', url: 'https://blog.example/ana', element: 'author' });
    const [entry] = feed.items;
    expect(entry.link).toBe('https://blog.example/posts/premier.html');
    expect(entry.enclosures).toEqual([{ url: 'https://blog.example/img.png', type: 'image/png', length: 42 }]);
    expect(entry.contentHtml).toBe('<p>Voir <a href="https://blog.example/posts/suite.html">la suite</a></p>');
  });

  it('gives an enclosure link no type when the feed gave none (not the text/html default of links)', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Pod</title><entry><id>tag:pod.example,2024:7</id><title>Seven</title>
        <link rel="enclosure" href="https://pod.example/7.mp3" length="900"/>
        <link rel="enclosure" href="https://pod.example/7.ogg" type="audio/ogg"/></entry></feed>`,
    );
    expect(feed.items[0].enclosures).toEqual([
      { url: 'https://pod.example/7.mp3', length: 900 },
      { url: 'https://pod.example/7.ogg', type: 'audio/ogg' },
    ]);
    expect(feed.items[0].links.find((l) => l.rel === 'enclosure')?.type).toBe('text/html');
  });

  it('takes comments from a replies link only when it is typed as a page', () => {
    const entry = (links: string): string =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><id>tag:blog.example,2024:9</id><title>Nine</title>${links}</entry></feed>`;
    const comments = (links: string): string | null => parseFeed(entry(links)).items[0].commentsUrl;
    expect(comments('<link rel="replies" href="https://blog.example/9/comments.xml"/>')).toBeNull();
    expect(comments('<link rel="replies" type="application/atom+xml" href="https://blog.example/9/c.xml"/>')).toBeNull();
    expect(comments('<link rel="replies" type="application/xhtml+xml" href="https://blog.example/9#c"/>')).toBe('https://blog.example/9#c');
  });

  it('reads text constructs, dates and language', () => {
    const feed = parseFeed(atom);
    expect(feed).toMatchObject({ format: 'atom', version: 'atom10', title: 'Le blog', language: 'fr', updatedAt: '2024-03-01T09:00:00Z' });
    expect(feed.titleDetail).toMatchObject({ type: 'text/html', value: 'Le <em>blog</em>' });
    const [entry] = feed.items;
    expect(entry).toMatchObject({
      guid: 'tag:blog.example,2024:1',
      title: 'Premier',
      summary: 'Court résumé',
      publishedAt: '2024-03-01T01:30:00Z',
      language: 'fr',
    });
    expect(entry.categories).toEqual([{ term: 'tech', label: 'Technique', element: 'category' }]);
  });

  it('resolves against the document URL when there is no xml:base', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="../a/b.html"/></entry></feed>', {
      url: 'https://x.example/feeds/main/atom',
    });
    expect(feed.items[0].link).toBe('https://x.example/feeds/a/b.html');
  });

  it('ignores an unsafe xml:base', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://ok.example/"><entry xml:base="javascript:alert(1)"><link href="x"/></entry></feed>',
    );
    expect(feed.items[0].link).toBe('https://ok.example/x');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads 1.1 items, authors and attachments', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON news',
        home_page_url: 'https://j.example/',
        feed_url: 'https://j.example/feed.json',
        language: 'de',
        authors: [{ name: 'Kim' }],
        items: [
          {
            id: 7,
            url: '/seven',
            title: 'Seven',
            content_html: '<p>Hi <img src="/i.png" onerror="x()"></p>',
            date_published: '2020-01-02T03:04:05+02:00',
            tags: ['a', 'b'],
            attachments: [{ url: '/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 10 }],
          },
        ],
      }),
      { url: 'https://j.example/feed.json', contentType: 'application/feed+json' },
    );
    expect(feed).toMatchObject({ format: 'json', version: 'json11', title: 'JSON news', link: 'https://j.example/', language: 'de' });
    expect(feed.items[0]).toMatchObject({
      guid: '7',
      link: 'https://j.example/seven',
      contentHtml: '<p>Hi <img src="https://j.example/i.png" /></p>',
      publishedAt: '2020-01-02T01:04:05Z',
      authors: [{ name: 'Kim' }],
      enclosures: [{ url: 'https://j.example/a.mp3', type: 'audio/mpeg', length: 10 }],
    });
  });

  it('resolves item links and attachments against the home page, the feed URL when there is none', () => {
    const items = (homePage?: string) =>
      parseFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Proxied',
          ...(homePage ? { home_page_url: homePage } : {}),
          items: [{ id: '1', url: 'stories/1', attachments: [{ url: 'audio/1.mp3', mime_type: 'audio/mpeg' }] }],
        }),
        { url: 'https://cdn.example/feeds/site.json' },
      ).items[0];
    const withHome = items('https://site.example/news/');
    expect(withHome.link).toBe('https://site.example/news/stories/1');
    expect(withHome.enclosures[0].url).toBe('https://site.example/news/audio/1.mp3');
    expect(items().link).toBe('https://cdn.example/feeds/stories/1');
  });

  it('resolves the feed icon and favicon against the home page too, the feed URL when there is none', () => {
    const feed = (homePage?: string) =>
      parseFeed(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Proxied',
          ...(homePage ? { home_page_url: homePage } : {}),
          icon: 'img/icon.png',
          favicon: 'img/favicon.ico',
          items: [],
        }),
        { url: 'https://cdn.example/feeds/site.json' },
      );
    expect(feed('https://site.example/news/')).toMatchObject({
      icon: 'https://site.example/news/img/favicon.ico',
      logo: 'https://site.example/news/img/icon.png',
      image: { url: 'https://site.example/news/img/icon.png' },
    });
    expect(feed().icon).toBe('https://cdn.example/feeds/img/favicon.ico');
  });

  it('keeps content_html as given beside the sanitized markup when sanitizing changed it', () => {
    const [item] = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        home_page_url: 'https://j.example/',
        items: [{ id: '1', content_html: '<p><img src="a.png"><script>x()</script></p>' }],
      }),
    ).items;
    expect(item.contents[0]).toMatchObject({
      value: '<p><img src="https://j.example/a.png" /></p>',
      raw: '<p><img src="a.png"><script>x()</script></p>',
    });
  });

  it('refuses broken JSON with a code', () => {
    expect(() => parseFeed('{"items": [')).toThrow(expect.objectContaining({ code: FeedParseErrorCode.InvalidJson }));
  });
});

describe('parseFeed: news sitemaps', () => {
  it('turns <url> + news:news into items', () => {
    const feed =
      parseFeed(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://paper.example/2024/merger</loc>
        <news:news><news:publication><news:name>The Paper</news:name><news:language>en</news:language></news:publication>
          <news:publication_date>2024-05-01T08:00:00+01:00</news:publication_date><news:title>Merger talks</news:title>
          <news:keywords>business, mergers</news:keywords></news:news></url>
    </urlset>`);
    expect(feed).toMatchObject({ format: 'sitemap', version: 'news-sitemap', title: 'The Paper' });
    expect(feed.items[0]).toMatchObject({
      guid: 'https://paper.example/2024/merger',
      link: 'https://paper.example/2024/merger',
      title: 'Merger talks',
      publishedAt: '2024-05-01T07:00:00Z',
      language: 'en',
      publisher: { name: 'The Paper' },
      categories: [{ term: 'business' }, { term: 'mergers' }],
    });
  });
});

describe('parseFeed: broken input', () => {
  it('recovers what a lenient reader would and says it repaired the XML', () => {
    const feed = parseFeed(`<rss version="2.0"><channel><title>Broken &amp; co &nbsp; ok</title>
      <item><title>One & two</title><link>https://b.example/?a=1&b=2</link><description>unclosed <b>bold</description></item>
      <item><title>Second</title></channel>`);
    expect(feed.wellFormed).toBe(false);
    expect(feed.issues.length).toBeGreaterThan(0);
    expect(feed.title).toBe('Broken & co \u00a0 ok');
    expect(feed.items.map((i) => i.title)).toEqual(['One & two', 'Second']);
    expect(feed.items[0].link).toBe('https://b.example/?a=1&b=2');
  });

  it('repairs Windows-1252 punctuation and double-encoded UTF-8', () => {
    const feed = parseFeed(rss('<item><title>don&#146;t</title><description>caf&#195;&#169;</description></item>'));
    expect(feed.items[0].title).toBe('don\u2019t');
    expect(feed.items[0].summary).toBe('café');
  });

  it.each([
    ['', FeedParseErrorCode.NotAFeed],
    ['garbage', FeedParseErrorCode.NotAFeed],
    ['<html><body><p>not a feed</p></body></html>', FeedParseErrorCode.NotAFeed],
  ])('refuses %j', (text, code) => {
    expect(() => parseFeed(text)).toThrow(FeedParseError);
    expect(() => parseFeed(text)).toThrow(expect.objectContaining({ code }));
  });
});

describe('parseFeed: bounds', () => {
  const items = (n: number): string =>
    Array.from({ length: n }, (_, i) => `<item><guid>g${i}</guid><title>Item ${i}</title></item>`).join('');

  it('reads the first maxItems items in document order and counts the rest', () => {
    const feed = parseFeed(rss(items(50)), { maxItems: 10 });
    // Permalink guids resolve against the feed's home page; the order is what counts here.
    expect(feed.items.map((item) => item.guid?.split('/').pop())).toEqual(Array.from({ length: 10 }, (_, i) => `g${i}`));
    expect(feed.itemsInDocument).toBe(50);
    const json = parseFeed(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }),
      {
        maxItems: 2,
      },
    );
    expect([json.items.length, json.itemsInDocument]).toEqual([2, 3]);
  });

  it('reads a 100,000-item feed up to the default cap in bounded time', () => {
    const started = Date.now();
    // Two elements an item: the whole document stays inside the XML reader's element budget.
    const feed = parseFeed(rss(Array.from({ length: 100_000 }, (_, i) => `<item><guid>g${i}</guid></item>`).join('')));
    expect(feed.items).toHaveLength(1_000);
    expect(feed.itemsInDocument).toBe(100_000);
    // A bound against runaway (quadratic) work, which would take many minutes; not a speed target (that is bench:feeds).
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('stops building a document at its element budget and says so', () => {
    const feed = parseFeed(rss(items(100_000).replaceAll('<title>', '<title><a/><b/>')));
    expect(feed.itemsInDocument).toBeLessThan(100_000);
    expect(feed.issues.join('\n')).toMatch(/more than 250000 elements/);
  });

  it('removes NUL characters from everything it returns', () => {
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'N\u0000UL',
        items: [{ id: 'a\u0000', title: 'T\u0000', content_html: '<p>x\u0000</p>' }],
      }),
    );
    expect(JSON.stringify(json)).not.toContain('\\u0000');
    expect(json.items[0]).toMatchObject({ guid: 'a', title: 'T' });
  });
});
