export { parseFeed } from './parse-feed';
export { parseFeedDate, formatUtc } from './dates/feed-date.parser';
export { isTeaser, TEASER_MAX_WORDS } from './teaser';
export { FeedParseError, FeedParseErrorCode } from './feed.exception';
export type * from './feed.types';
export { DEFAULT_MAX_FEED_ITEMS } from './feed.types';
export { MAX_XML_ELEMENTS, MAX_XML_DEPTH } from './xml/xml.parser';
