export { parseFeed } from './parse-feed';
export { parseFeedDate, formatUtc } from './dates/feed-date.parser';
export { isTeaser, TEASER_MAX_WORDS } from './teaser';
export { FeedParseError, FeedParseErrorCode } from './feed.exception';
export type * from './feed.types';
