import { FeedParseError, FeedParseErrorCode } from './feed.exception';
import { DEFAULT_MAX_FEED_ITEMS, type ParsedFeed, type ParseFeedOptions } from './feed.types';
import { parseJsonFeed } from './json-feed/json-feed.parser';
import { isSitemap, parseNewsSitemap } from './xml-feed/news-sitemap.parser';
import { parseXmlFeed } from './xml-feed/xml-feed.parser';
import { parseXml } from './xml/xml.parser';

const JSON_TYPES = /^application\/(feed\+)?json\b/i;

/**
 * Parses an already-decoded feed document: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, CDF, or a
 * (Google News) sitemap. Broken XML is repaired as a lenient reader would (see `wellFormed`/`issues`);
 * DTDs and external entities are never loaded.
 *
 * @throws FeedParseError NotAFeed for anything else, InvalidJson for broken JSON, EntityRefused for entity bombs.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): ParsedFeed {
  const url = options.url?.trim() ?? '';
  const maxItems = options.maxItems ?? DEFAULT_MAX_FEED_ITEMS;
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (!start) throw new FeedParseError(FeedParseErrorCode.NotAFeed, 'empty document');
  if (start.startsWith('{') || (JSON_TYPES.test(options.contentType ?? '') && !start.startsWith('<'))) {
    return withoutNul(parseJsonFeed(start, url, maxItems));
  }
  const doc = parseXml(body);
  return withoutNul(isSitemap(doc) ? parseNewsSitemap(doc, url, maxItems) : parseXmlFeed(doc, url, maxItems));
}

/**
 * The parsed feed with every NUL character removed from its strings. A JSON Feed can spell one (`\u0000`) and an
 * XML reference can too; none is text, and PostgreSQL refuses them in text and jsonb, so an item carrying one would
 * fail every attempt to store it. Feeds are flat records (a few levels deep), so plain recursion is safe.
 */
function withoutNul<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[withoutNul(key, depth + 1)] = withoutNul(item, depth + 1);
  return copy as T;
}
