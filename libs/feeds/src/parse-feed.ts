import { FeedParseError, FeedParseErrorCode } from './feed.exception';
import type { ParsedFeed, ParseFeedOptions } from './feed.types';
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
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (!start) throw new FeedParseError(FeedParseErrorCode.NotAFeed, 'empty document');
  if (start.startsWith('{') || (JSON_TYPES.test(options.contentType ?? '') && !start.startsWith('<'))) {
    return parseJsonFeed(start, url);
  }
  const doc = parseXml(body);
  return isSitemap(doc) ? parseNewsSitemap(doc, url) : parseXmlFeed(doc, url);
}
