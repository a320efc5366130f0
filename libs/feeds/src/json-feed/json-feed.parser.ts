import { formatUtc, parseFeedDate } from '../dates/feed-date.parser';
import { FeedParseError, FeedParseErrorCode } from '../feed.exception';
import { emptyFeedMetadata } from '../feed-metadata';
import type { FeedCategory, FeedEnclosure, FeedItem, FeedLink, FeedMedia, FeedPerson, ParsedFeed, TextConstruct } from '../feed.types';
import { sanitizeHtml } from '../html/html.sanitizer';
import { escapeHtml, markupToText, repairText, squash } from '../text/feed-text';
import { joinUrl } from '../url.resolver';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim() || null : typeof value === 'number' ? String(value) : null;

function dateOf(value: unknown): string | null {
  const text = str(value);
  const date = text ? parseFeedDate(text) : null;
  return date ? formatUtc(date) : null;
}

function personsOf(container: Json, base: string): FeedPerson[] {
  // 1.1 `authors` first, then the deprecated 1.0 `author` if it names someone else.
  const listed = container['authors'];
  // Some feeds give `authors` a single object instead of an array.
  const people: unknown[] = [...(Array.isArray(listed) ? (listed as unknown[]) : [listed]), container['author']];
  const persons: FeedPerson[] = [];
  for (const entry of people) {
    if (!isObject(entry)) continue;
    const name = str(entry['name']) ?? '';
    const url = str(entry['url']);
    if (!name && !url) continue;
    if (persons.some((p) => p.name === name && p.url === (url ? joinUrl(base, url) : undefined))) continue;
    persons.push({ name, ...(url ? { url: joinUrl(base, url) } : {}) });
  }
  return persons;
}

function plain(value: string, base: string, language: string | null): TextConstruct {
  return { value: repairText(value), type: 'text/plain', base: base || null, language };
}

/** An item's attachments as enclosures, each also added to `links` as an enclosure link (the first of a URL wins). */
function readAttachments(raw: Json, base: string, links: FeedLink[]): FeedEnclosure[] {
  const enclosures: FeedEnclosure[] = [];
  const attachments: unknown[] = Array.isArray(raw['attachments']) ? (raw['attachments'] as unknown[]) : [];
  for (const attachment of attachments) {
    const attachmentUrl = isObject(attachment) ? str(attachment['url']) : null;
    if (!isObject(attachment) || !attachmentUrl) continue;
    const href = joinUrl(base, attachmentUrl);
    if (enclosures.some((e) => e.url === href)) continue;
    const type = str(attachment['mime_type']);
    const size = attachment['size_in_bytes'];
    enclosures.push({
      url: href,
      ...(type ? { type } : {}),
      ...(typeof size === 'number' && size >= 0 ? { length: Math.floor(size) } : {}),
    });
    links.push({ href, rel: 'enclosure', ...(type ? { type } : {}), ...(typeof size === 'number' ? { length: String(size) } : {}) });
  }
  return enclosures;
}

function imagesOf(raw: Json, base: string): FeedMedia[] {
  return ['image', 'banner_image']
    .map((key) => str(raw[key]))
    .filter((u): u is string => u !== null)
    .map((u) => ({ url: joinUrl(base, u), kind: 'image' as const }));
}

function tagsOf(raw: Json): FeedCategory[] {
  return (Array.isArray(raw['tags']) ? (raw['tags'] as unknown[]) : [])
    .map(str)
    .filter((t): t is string => t !== null)
    .map((term) => ({ term }));
}

function readItem(raw: Json, base: string, feedAuthors: FeedPerson[], feedLanguage: string | null): FeedItem {
  const language = str(raw['language']) ?? feedLanguage;
  const url = str(raw['url']);
  const externalUrl = str(raw['external_url']);
  const link = url ? joinUrl(base, url) : externalUrl ? joinUrl(base, externalUrl) : null;
  const links: FeedLink[] = [];
  if (link) links.push({ href: link, rel: 'alternate', type: 'text/html' });
  if (url && externalUrl) links.push({ href: joinUrl(base, externalUrl), rel: 'related', type: 'text/html' });

  const contents: TextConstruct[] = [];
  const html = typeof raw['content_html'] === 'string' ? raw['content_html'] : null;
  const text = typeof raw['content_text'] === 'string' ? raw['content_text'] : null;
  // Plain text first: it is the better summary stand-in; contentHtml still prefers the markup.
  if (text !== null) contents.push(plain(text.trim(), base, language));
  if (html !== null) {
    const value = repairText(sanitizeHtml(html, { base, xhtml: false }));
    const markup = repairText(html);
    contents.push({ value, type: 'text/html', base: base || null, language, ...(markup !== value ? { raw: markup } : {}) });
  }
  const summaryText = str(raw['summary']);
  const summaryDetail = summaryText ? plain(summaryText, base, language) : (contents[0] ?? null);

  const enclosures = readAttachments(raw, base, links);
  const titleText = str(raw['title']);
  const titleDetail = titleText ? plain(titleText, base, language) : null;
  const authors = personsOf(raw, base);
  const contentHtml = html !== null ? contents[contents.length - 1].value : text !== null ? escapeHtml(text.trim()) : null;
  return {
    guid: str(raw['id']) ?? link,
    guidIsPermaLink: false,
    link,
    links,
    title: titleDetail ? squash(titleDetail.value) : null,
    titleDetail,
    summary: summaryDetail ? (summaryDetail.type === 'text/html' ? markupToText(summaryDetail.value) : squash(summaryDetail.value)) : null,
    summaryDetail,
    contentHtml,
    contents,
    authors: authors.length > 0 ? authors : feedAuthors,
    contributors: [],
    publisher: null,
    categories: tagsOf(raw),
    enclosures,
    media: imagesOf(raw, base),
    publishedAt: dateOf(raw['date_published']),
    updatedAt: dateOf(raw['date_modified']),
    createdAt: null,
    expiresAt: null,
    rawDates: {
      ...(str(raw['date_published']) ? { published: str(raw['date_published'])! } : {}),
      ...(str(raw['date_modified']) ? { updated: str(raw['date_modified'])! } : {}),
    },
    language,
    rightsDetail: null,
    commentsUrl: null,
    source: null,
    extensions: [],
  };
}

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). URLs resolve against `url`, else the feed's `feed_url`. */
export function parseJsonFeed(text: string, url: string, maxItems = Infinity): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FeedParseError(FeedParseErrorCode.InvalidJson, 'JSON Feed does not parse', { cause: err });
  }
  if (!isObject(doc) || !Array.isArray(doc['items'])) {
    throw new FeedParseError(FeedParseErrorCode.InvalidJson, 'not a JSON Feed: no items array');
  }
  const versionUrl = str(doc['version']) ?? '';
  const version = /\/version\/1\.1\b/.test(versionUrl) ? 'json11' : /\/version\/1\b/.test(versionUrl) ? 'json1' : '';
  const feedUrlRaw = str(doc['feed_url']);
  const base = url || feedUrlRaw || '';
  const feedUrl = feedUrlRaw ? joinUrl(base, feedUrlRaw) : null;
  const homePage = str(doc['home_page_url']);
  const link = homePage ? joinUrl(base, homePage) : null;
  const language = str(doc['language']);
  const authors = personsOf(doc, base);
  const listed = doc['items'].filter(isObject);
  // Items resolve against the home page, as XML entries do: a feed served from a CDN or proxy links into the site.
  const itemBase = link && /^https?:\/\//i.test(link) ? link : base;
  const items = listed.slice(0, maxItems).map((item) => readItem(item, itemBase, authors, language));
  const title = str(doc['title']);
  const description = str(doc['description']);
  const links: FeedLink[] = [];
  if (link) links.push({ href: link, rel: 'alternate', type: 'text/html' });
  if (feedUrl) links.push({ href: feedUrl, rel: 'self', type: 'application/feed+json' });
  const icon = str(doc['icon']);
  const favicon = str(doc['favicon']);
  return {
    ...emptyFeedMetadata(),
    format: 'json',
    version,
    title: title ? squash(title) : null,
    titleDetail: title ? plain(title, base, language) : null,
    subtitleDetail: description ? plain(description, base, language) : null,
    description: description ? squash(description) : null,
    link,
    links,
    authors,
    // The home page is the base for the feed's images too, as for its items (and as Miniflux resolves them).
    icon: favicon ? joinUrl(itemBase, favicon) : null,
    logo: icon ? joinUrl(itemBase, icon) : null,
    language,
    feedUrl,
    image: icon ? { url: joinUrl(itemBase, icon), title: null, link: null, width: null, height: null, description: null } : null,
    textInput: null,
    cloud: null,
    docs: null,
    ttl: null,
    newLocation: null,
    validity: null,
    items,
    itemsInDocument: listed.length,
    wellFormed: true,
    issues: [],
  };
}
