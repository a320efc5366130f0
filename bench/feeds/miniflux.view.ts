import type { FeedCategory, FeedItem, FeedMedia, FeedPerson, ParsedFeed } from '@copydesk/feeds';

import { escapeHtml, htmlToText, stripTags } from './html-escape';

import type { View } from './check.evaluator';

/**
 * Maps our ParsedFeed onto Miniflux's model (`site_url`, `entries[i].url`, `content`, `author`…),
 * including the presentation fallbacks Miniflux applies on top of parsing: a missing title becomes the
 * summary or URL, a missing site URL the feed URL, authors join with ", ", entries inherit feed authors.
 */

const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\/\S+$/i.test(url);

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : text;
}

function personName(person: FeedPerson): string {
  return person.raw ?? (person.name || person.email || '');
}

function entryUrl(feed: ParsedFeed, item: FeedItem, siteUrl: string): string {
  const original = item.extensions.find((e) => e.name === 'feedburner:origlink')?.value;
  if (original) return original;
  if (item.link) return item.link;
  if (feed.format === 'atom' && isWebUrl(item.guid)) return item.guid;
  const enclosure = item.enclosures.find((e) => e.url.trim());
  if (feed.format === 'rss' && enclosure) return enclosure.url;
  return siteUrl;
}

function enclosuresOf(item: FeedItem): { url: string; mime_type: string; size: number }[] {
  const seen = new Set<string>();
  const out: { url: string; mime_type: string; size: number }[] = [];
  const add = (url: string, mime: string, size: number): void => {
    if (!url.trim() || seen.has(url)) return;
    seen.add(url);
    out.push({ url, mime_type: mime, size });
  };
  // Miniflux's order: thumbnails, enclosures, media contents, peer links; one entry per URL.
  for (const m of item.media) if (m.kind === 'thumbnail') add(m.url, m.type ?? 'image/*', 0);
  // FeedBurner proxies enclosures; Miniflux keeps the original URL it also gives.
  const original = item.extensions.find((e) => e.name === 'feedburner:origenclosurelink')?.value;
  item.enclosures.forEach((e, i) => add(i === 0 && original ? original : e.url, e.type ?? '', e.length ?? 0));
  for (const m of item.media) if (m.kind === 'content') add(m.url, m.type ?? mediumType(m.medium), fileSize(m));
  for (const m of item.media) if (m.kind === 'peer') add(m.url, m.type ?? 'application/octet-stream', 0);
  return out;
}

function mediumType(medium: string | undefined): string {
  return medium === 'image' || medium === 'video' || medium === 'audio' ? `${medium}/*` : 'application/octet-stream';
}

function fileSize(media: FeedMedia): number {
  const size = Number(media.attributes?.['filesize'] ?? '');
  return Number.isInteger(size) && size > 0 ? size : 0;
}

const names = (categories: readonly FeedCategory[]): string[] => categories.map((c) => (c.label?.trim() || c.term).trim()).filter(Boolean);
const from = (categories: readonly FeedCategory[], ...elements: string[]): FeedCategory[] =>
  categories.filter((c) => elements.includes(c.element ?? ''));

/**
 * Tags as Miniflux's readers build them, trimmed, without blanks or repeats: RSS takes the item's categories and
 * the labels of its Media RSS categories, else the channel's categories, iTunes and Google Play categories; Atom
 * its own categories (label, else term), else the feed's; JSON Feed its tags; RDF none.
 */
function tagsOf(feed: ParsedFeed, item: FeedItem): string[] {
  let tags: string[];
  if (feed.format === 'rss') {
    const labelled = from(item.categories, 'media:category').filter((c) => c.label?.trim());
    tags = names([...from(item.categories, 'category'), ...labelled]);
    if (tags.length === 0) tags = names(from(feed.categories, 'category', 'itunes:category', 'googleplay:category'));
  } else if (feed.format === 'atom') {
    tags = names(from(item.categories, 'category'));
    if (tags.length === 0) tags = names(from(feed.categories, 'category'));
  } else if (feed.format === 'json') {
    tags = names(item.categories);
  } else {
    tags = [];
  }
  return [...new Set(tags)].sort();
}

// Miniflux's RSS reader takes one author, by element: the item's own first, then the channel's.
const ITEM_AUTHOR_ORDER = ['googleplay:author', 'itunes:author', 'dc:creator', 'author'];
const CHANNEL_AUTHOR_ORDER = ['itunes:author', 'googleplay:author', 'itunes:owner', 'managingeditor', 'webmaster'];

function ranked(people: readonly FeedPerson[], order: readonly string[]): FeedPerson[] {
  const rank = (p: FeedPerson): number => {
    const i = order.indexOf(p.element ?? '');
    return i < 0 ? order.length : i;
  };
  return people.filter((p) => personName(p)).sort((a, b) => rank(a) - rank(b));
}

function authorOf(feed: ParsedFeed, item: FeedItem): string {
  if (feed.format === 'json') {
    // Miniflux's JSON reader names everyone: the feed's authors and the item's, trimmed, sorted, without repeats.
    const names = [...feed.authors, ...item.authors].map((p) => personName(p).trim()).filter(Boolean);
    return [...new Set(names)].sort().join(', ');
  }
  if (feed.format === 'atom') {
    const own = item.authors.map(personName).filter(Boolean);
    const inherited = feed.authors.length > 0 ? feed.authors : feed.publisher ? [feed.publisher] : [];
    const names = own.length > 0 ? own : inherited.map(personName).filter(Boolean);
    return [...new Set(names)].sort().join(', ');
  }
  const own = ranked(item.authors, ITEM_AUTHOR_ORDER)[0];
  if (own) return personName(own);
  const channel = ranked([...feed.authors, ...(feed.publisher ? [feed.publisher] : [])], CHANNEL_AUTHOR_ORDER)[0];
  return channel ? personName(channel) : '';
}

/**
 * Miniflux reads an Atom 1.0 entry title of any type through StripTags: a plain-text title that spells out markup
 * (`Some &lt;b&gt;text&lt;/b&gt;`) or entities (`&amp;#39;`) loses the tags and has the entities decoded.
 */
function entryTitle(feed: ParsedFeed, item: FeedItem): string {
  const detail = item.titleDetail;
  if (feed.version === 'atom10' && detail?.type === 'text/plain') return stripTags(detail.value).trim();
  return item.title ?? '';
}

/** The item's own summary (not the content our parser lends an item without one), then its text, then its markup. */
function jsonTitleSource(item: FeedItem): string {
  const summary = item.summaryDetail && !item.contents.includes(item.summaryDetail) ? item.summaryDetail.value : '';
  const text = item.contents.find((c) => c.type === 'text/plain')?.value ?? '';
  const markup = item.contents.find((c) => c.type !== 'text/plain')?.value ?? '';
  return [summary, text, markup].find((value) => value.trim()) ?? '';
}

function entryView(feed: ParsedFeed, item: FeedItem, siteUrl: string): View {
  const url = entryUrl(feed, item, siteUrl);
  const markup = item.contents.find((c) => c.type !== 'text/plain' && c.value);
  const plain = item.contents.find((c) => c.type === 'text/plain' && c.value) ?? item.summaryDetail;
  // Miniflux's readers hand on the markup as the feed gave it (it sanitizes later, when it stores the entry).
  const content =
    (markup ? (markup.raw ?? markup.value) : null) ??
    (plain ? (plain.type === 'text/plain' ? escapeHtml(plain.value) : (plain.raw ?? plain.value)) : '');
  // Miniflux titles an untitled RSS or Atom entry with the start of the body it shows (content before summary);
  // a JSON Feed item with the first of its summary, content_text and content_html that is not blank.
  // Its RDF reader falls back to the entry URL straight away.
  const fallbackTitle = feed.format === 'rdf' ? '' : htmlToText(feed.format === 'json' ? jsonTitleSource(item) : content);
  // Miniflux takes an RSS item's Dublin Core date over its pubDate, and an Atom entry's published over updated.
  // Atom 0.3's `created` is the last resort after issued and modified.
  const date = feed.format === 'rss' ? (item.updatedAt ?? item.publishedAt) : (item.publishedAt ?? item.updatedAt ?? item.createdAt);
  return {
    url,
    title: entryTitle(feed, item) || (fallbackTitle ? truncate(fallbackTitle, 100) : '') || url,
    content,
    author: authorOf(feed, item),
    ...(date ? { date } : {}),
    enclosures: enclosuresOf(item),
    tags: tagsOf(feed, item),
    comments_url: isWebUrl(item.commentsUrl) ? item.commentsUrl : '',
    // Miniflux stores language tags lowercased.
    language: (item.language ?? '').toLowerCase(),
  };
}

function feedDescription(feed: ParsedFeed): string {
  const detail = feed.subtitleDetail;
  if (!detail) return feed.description ?? '';
  return detail.type === 'text/plain' ? detail.value : (detail.raw ?? detail.value);
}

/** The Miniflux-shaped result; `feedUrl` is the URL the feed was fetched from. */
export function minifluxView(feed: ParsedFeed, feedUrl: string): View {
  // Without a home page Miniflux takes the URL it fetched (a JSON Feed's own feed_url first), never an Atom self link.
  const siteUrl = feed.link ?? (feed.format === 'json' ? feed.feedUrl : null) ?? feedUrl;
  return {
    // An untitled RDF feed is named by the URL it was fetched from, the others by their home page.
    title: feed.title || (feed.format === 'rdf' ? feedUrl : siteUrl),
    feed_url: feed.feedUrl ?? feedUrl,
    site_url: siteUrl,
    icon_url: feed.icon ?? feed.image?.url ?? '',
    // The subtitle or channel description as given: markup stays markup (Miniflux keeps the element's text).
    description: feedDescription(feed),
    language: (feed.language ?? '').toLowerCase(),
    ttl: feed.ttl ?? 0,
    entries: feed.items.map((item) => entryView(feed, item, siteUrl)),
  };
}
