import { emptyFeedMetadata } from '../feed-metadata';
import type { FeedCategory, FeedItem, FeedMedia, ParsedFeed } from '../feed.types';
import { repairText, squash } from '../text/feed-text';
import type { XmlDocument, XmlElement } from '../xml/xml.types';
import { childElements, FeedScope, nameOf, ownText } from './element.helpers';
import { utcOf } from './metadata.builder';

const localName = (el: XmlElement): string => nameOf(el).replace(/^sitemap:/, '');
const textOf = (el: XmlElement | undefined): string => (el ? squash(repairText(ownText(el))) : '');

/** Whether the document is a sitemap `urlset` (with or without the sitemap namespace). */
export function isSitemap(doc: XmlDocument): boolean {
  return doc.root !== null && localName(doc.root) === 'urlset';
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el).find((c) => localName(c) === name);
}

function readUrl(el: XmlElement, scope: FeedScope): { item: FeedItem; publication: string } | null {
  const loc = textOf(child(el, 'loc'));
  if (!loc) return null;
  const url = scope.resolve(el, loc);
  const news = child(el, 'news:news');
  const publication = news ? child(news, 'news:publication') : undefined;
  const title = news ? textOf(child(news, 'news:title')) : '';
  const published = news ? textOf(child(news, 'news:publication_date')) : '';
  const lastmod = textOf(child(el, 'lastmod'));
  const language = publication ? textOf(child(publication, 'news:language')) || null : null;
  const categories: FeedCategory[] = [];
  for (const [name, scheme] of [
    ['news:keywords', undefined],
    ['news:genres', 'genre'],
  ] as const) {
    const value = news ? textOf(child(news, name)) : '';
    for (const term of value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)) {
      categories.push({ term, ...(scheme ? { scheme } : {}) });
    }
  }
  const media: FeedMedia[] = [];
  for (const image of childElements(el).filter((c) => nameOf(c) === 'sitemapimage:image')) {
    const imageUrl = textOf(child(image, 'sitemapimage:loc'));
    const caption = textOf(child(image, 'sitemapimage:caption')) || textOf(child(image, 'sitemapimage:title'));
    if (imageUrl) media.push({ url: scope.resolve(image, imageUrl), kind: 'image', ...(caption ? { description: caption } : {}) });
  }
  const publicationName = publication ? textOf(child(publication, 'news:name')) : '';
  const item: FeedItem = {
    guid: url,
    guidIsPermaLink: true,
    link: url,
    links: [{ href: url, rel: 'alternate', type: 'text/html' }],
    title: title || null,
    titleDetail: title ? { value: title, type: 'text/plain', base: scope.baseOf(el) || null, language } : null,
    summary: null,
    summaryDetail: null,
    contentHtml: null,
    contents: [],
    authors: [],
    contributors: [],
    publisher: publicationName ? { name: publicationName } : null,
    categories,
    enclosures: [],
    media,
    publishedAt: utcOf(published || undefined),
    updatedAt: utcOf(lastmod || undefined),
    createdAt: null,
    expiresAt: null,
    rawDates: { ...(published ? { published } : {}), ...(lastmod ? { updated: lastmod } : {}) },
    language,
    rightsDetail: null,
    commentsUrl: null,
    source: null,
    extensions: [],
  };
  return { item, publication: publicationName };
}

/** A (Google News) sitemap: each `<url>` is an item; `news:news` supplies title, date, publication and keywords. */
export function parseNewsSitemap(doc: XmlDocument, url: string, maxItems = Infinity): ParsedFeed {
  const root = doc.root!;
  const scope = new FeedScope(url, 'news-sitemap');
  const listed = childElements(root).filter((c) => localName(c) === 'url');
  const read = listed
    .slice(0, maxItems)
    .map((c) => readUrl(c, scope))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  const items = read.map((r) => r.item);
  const publication = read.find((r) => r.publication)?.publication ?? null;
  const isNews = items.some((i) => i.title !== null || i.publisher !== null);
  return {
    ...emptyFeedMetadata(),
    title: publication,
    titleDetail: publication ? { value: publication, type: 'text/plain', base: url || null, language: null } : null,
    format: 'sitemap',
    version: isNews ? 'news-sitemap' : 'sitemap',
    description: null,
    language: items.find((i) => i.language)?.language ?? null,
    feedUrl: url || null,
    image: null,
    textInput: null,
    cloud: null,
    docs: null,
    ttl: null,
    newLocation: null,
    validity: null,
    items,
    itemsInDocument: listed.length,
    wellFormed: doc.issues.length === 0,
    issues: doc.issues.map((i) => `${i.message} (at ${i.offset})`),
  };
}
