/** Pages and feeds written for the tests (no third-party text). */

export interface PageSpec {
  title: string;
  author: string;
  published: string;
  paragraphs: string[];
}

export function newsPage(page: PageSpec, url: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title} | The Harbour Gazette</title>
<link rel="canonical" href="${url}">
<meta property="og:title" content="${page.title}">
<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    datePublished: page.published,
    author: { '@type': 'Person', name: page.author },
  })}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article>
<h1>${page.title}</h1>
<p class="byline">By ${page.author}</p>
<time datetime="${page.published}">${page.published}</time>
${page.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Council tax to rise again</a></li><li><a href="/b">Ferry timetable changes</a></li></ul></aside>
</main>
<footer><p>© The Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;
}

export function sectionFront(origin: string): string {
  const links = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="${origin}/news/story-${i}">Story number ${i} headline about the town</a></li>`,
  ).join('\n');
  return `<!doctype html><html><head><title>News | The Harbour Gazette</title></head><body><nav><a href="/">Home</a></nav><h1>News</h1><ul>${links}</ul><footer>© Gazette</footer></body></html>`;
}

export interface FeedEntry {
  guid: string;
  title: string;
  link: string;
  published: string;
  /** Full content; absent for a teaser. */
  contentHtml?: string;
  summary: string;
}

export function rssFeed(origin: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `<item><guid isPermaLink="false">${e.guid}</guid><title>${e.title}</title><link>${e.link}</link>
<pubDate>${new Date(e.published).toUTCString()}</pubDate><description>${escapeXml(e.summary)}</description>
${e.contentHtml ? `<content:encoded><![CDATA[${e.contentHtml}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Gazette</title><link>${origin}/</link><description>Local news</description>
${items}
</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] as string);
}

/** Paragraphs long enough to be an article, about a made-up event. */
export function storyParagraphs(topic: string, count = 6): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `Paragraph ${i + 1} about ${topic}: residents gathered at the town hall on Tuesday evening to hear the council explain its plans, and several of them asked detailed questions about the cost, the timetable and the effect on local businesses along the harbour front.`,
  );
}
