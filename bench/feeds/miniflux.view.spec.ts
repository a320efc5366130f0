import { parseFeed } from '@copydesk/feeds';

import { minifluxView } from './miniflux.view';

type Entry = Record<string, unknown>;

const entries = (xml: string, url = 'https://radio.example/feed.xml'): Entry[] =>
  minifluxView(parseFeed(xml, { url }), url)['entries'] as Entry[];

const rss = (items: string, channel = ''): string =>
  `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Radio</title><link>https://radio.example/</link>${channel}${items}</channel></rss>`;

describe('minifluxView: authors', () => {
  it('takes an RSS item author by element rank, not document order', () => {
    const [first, second] = entries(
      rss(
        '<item><title>a</title><author>desk@radio.example</author><dc:creator>Dee Creator</dc:creator><itunes:author>Ivo Host</itunes:author></item>' +
          '<item><title>b</title><author>desk@radio.example</author><dc:creator>Dee Creator</dc:creator></item>',
      ),
    );
    expect(first['author']).toBe('Ivo Host');
    expect(second['author']).toBe('Dee Creator');
  });

  it('falls back to the channel: iTunes author, then owner, then managing editor, then webmaster', () => {
    const owner = '<itunes:owner><itunes:name>Olga Owner</itunes:name><itunes:email>olga@radio.example</itunes:email></itunes:owner>';
    const staff = '<managingEditor>ed@radio.example</managingEditor><webMaster>ops@radio.example</webMaster>';
    const item = '<item><title>x</title></item>';
    expect(entries(rss(item, staff + owner))[0]['author']).toBe('Olga Owner');
    expect(entries(rss(item, `${staff}<itunes:author>Chan Host</itunes:author>`))[0]['author']).toBe('Chan Host');
    expect(
      entries(rss(item, '<webMaster>ops@radio.example</webMaster><managingEditor>ed@radio.example</managingEditor>'))[0]['author'],
    ).toBe('ed@radio.example');
    expect(entries(rss(item, '<itunes:owner><itunes:email>olga@radio.example</itunes:email></itunes:owner>'))[0]['author']).toBe(
      'olga@radio.example',
    );
  });

  it('lists Atom authors sorted and without repeats, the feed authors when the entry has none', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><author><name>Feed Person</name></author>
      <entry><id>1</id><title>a</title><author><name>Zoe</name></author><author><name>Adam</name></author><author><name>Zoe</name></author></entry>
      <entry><id>2</id><title>b</title></entry></feed>`;
    expect(entries(atom).map((e) => e['author'])).toEqual(['Adam, Zoe', 'Feed Person']);
  });
});

describe('minifluxView: titles and enclosures', () => {
  it('titles an untitled entry with the text of its content, before its summary', () => {
    const [item] = entries(
      rss(
        '<item><link>https://radio.example/1</link><description>Short desc</description><content:encoded><![CDATA[<p>Body &amp; <b>more</b></p>]]></content:encoded></item>',
      ),
    );
    expect(item['title']).toBe('Body & more');
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><id>1</id><link href="https://blog.example/1"/>
      <summary>The summary</summary><content type="html">&lt;p&gt;The &lt;em&gt;content&lt;/em&gt;&lt;/p&gt;</content></entry></feed>`;
    expect(entries(atom)[0]['title']).toBe('The content');
  });

  it('joins the text around inline tags without adding spaces, and cuts a long fallback title at 100 characters', () => {
    const body = `<p>The <b>desk</b>, <i>again</i>&nbsp;&nbsp;and ${'x'.repeat(120)}</p>`;
    const [item] = entries(rss(`<item><link>https://radio.example/2</link><description><![CDATA[${body}]]></description></item>`));
    expect(item['title']).toBe(`The desk, again and ${'x'.repeat(80)}…`);
  });

  it('titles an untitled JSON Feed item from the first of summary, text and markup that is not blank', () => {
    const json = (item: Record<string, string>) =>
      entries(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', ...item }] }));
    expect(json({ summary: ' ', content_text: ' ', content_html: '<p>The <b>markup</b> &amp; co</p>' })[0]['title']).toBe(
      'The markup & co',
    );
    expect(json({ summary: 'The summary', content_html: '<p>x</p>' })[0]['title']).toBe('The summary');
    expect(json({ content_text: 'The text', content_html: '<p>x</p>' })[0]['title']).toBe('The text');
  });

  it('names every JSON Feed author, of the feed and of the item, sorted and without repeats', () => {
    const doc = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      authors: [{ name: 'Zed' }],
      items: [{ id: '1', author: { name: ' Ann ' }, authors: [{ name: 'Bob' }, { name: 'Zed' }, { name: '' }] }, { id: '2' }],
    });
    expect(entries(doc).map((e) => e['author'])).toEqual(['Ann, Bob, Zed', 'Zed']);
  });

  it('names an untitled RDF feed by its URL and an untitled RDF item by its link, never by its description', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://news.example/"><link>https://news.example/</link></channel>
      <item rdf:about="https://news.example/1"><link>https://news.example/1</link><description>The description</description></item></rdf:RDF>`;
    const view = minifluxView(parseFeed(rdf, { url: 'https://cdn.example/news.rdf' }), 'https://cdn.example/news.rdf');
    expect(view['title']).toBe('https://cdn.example/news.rdf');
    expect((view['entries'] as Entry[])[0]['title']).toBe('https://news.example/1');
  });

  it('shows content as the feed gave it, relative links and void tags untouched, as Miniflux parses it', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><link href="https://blog.example/"/>
      <entry><id>1</id><title>a</title><content type="html">&lt;p&gt;&lt;img src="/a.png"&gt;&lt;br&gt;&lt;/p&gt;</content></entry></feed>`;
    expect(entries(atom)[0]['content']).toBe('<p><img src="/a.png"><br></p>');
  });

  it('reads an Atom 1.0 plain-text title through StripTags: spelled-out tags dropped, entities decoded once more', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><link href="https://blog.example/"/>
      <entry><id>1</id><title>Some &lt;b&gt;bold&lt;/b&gt; &amp;amp; 5 &lt; 8</title></entry>
      <entry><id>2</id><title>&amp;#39;Quoted&amp;#39;</title></entry>
      <entry><id>3</id><title type="html">AT&amp;amp;T &lt;em&gt;news&lt;/em&gt;</title></entry></feed>`;
    expect(entries(atom).map((e) => e['title'])).toEqual(['Some bold & 5 < 8', "'Quoted'", 'AT&T news']);
  });

  it('tags an RSS item with its categories and labelled Media RSS categories, else the channel and podcast ones', () => {
    const media = 'xmlns:media="http://search.yahoo.com/mrss/"';
    const channel =
      '<category>Local</category><itunes:category text="News"><itunes:category text="Daily News"/></itunes:category>' +
      '<googleplay:category text="Politics"/><itunes:keywords>ignored</itunes:keywords>';
    const items =
      `<item><title>a</title><media:category ${media} scheme="urn:x">music/rock</media:category>` +
      `<media:category ${media} label=" Rock ">music/rock</media:category></item><item><title>b</title></item>`;
    expect(entries(rss(items, channel)).map((e) => e['tags'])).toEqual([['Rock'], ['Daily News', 'Local', 'News', 'Politics']]);
  });

  it('gives the feed description as the feed wrote it, markup included', () => {
    const feed = rss('<item><title>a</title></item>', '<description>&lt;p&gt;Local &lt;b&gt;news&lt;/b&gt;&lt;/p&gt;</description>');
    expect(minifluxView(parseFeed(feed, { url: 'https://radio.example/feed.xml' }), 'https://radio.example/feed.xml')['description']).toBe(
      '<p>Local <b>news</b></p>',
    );
  });

  it('takes the fetched URL as the home page of a feed without one, not its self link', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="https://blog.example/atom.xml"/>
      <entry><id>tag:blog.example,2026:1</id><title>a</title></entry></feed>`;
    const view = minifluxView(parseFeed(atom, { url: 'https://proxy.example/blog' }), 'https://proxy.example/blog');
    expect([view['site_url'], view['title'], view['feed_url']]).toEqual([
      'https://proxy.example/blog',
      'https://proxy.example/blog',
      'https://blog.example/atom.xml',
    ]);
  });

  it('leaves the type of an Atom enclosure empty when the feed gave none', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Pod</title><link href="https://pod.example/"/>
      <entry><id>1</id><title>a</title><link rel="enclosure" href="/ep1.mp3" length="12"/><link rel="enclosure" href="/ep1.mp3"/></entry></feed>`;
    expect(entries(atom)[0]['enclosures']).toEqual([{ url: 'https://pod.example/ep1.mp3', mime_type: '', size: 12 }]);
  });

  it('dates an Atom 0.3 entry by issued, then modified, then created', () => {
    const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><link rel="alternate" type="text/html" href="https://old.example/"/>
      <entry><title>a</title><id>tag:old.example,2004:1</id><created>2004-02-03T04:05:06Z</created></entry>
      <entry><title>b</title><id>tag:old.example,2004:2</id><created>2004-02-03T04:05:06Z</created><modified>2004-03-03T04:05:06Z</modified></entry></feed>`;
    expect(entries(atom03).map((e) => e['date'])).toEqual(['2004-02-03T04:05:06Z', '2004-03-03T04:05:06Z']);
  });
});
