/** Why a document could not be turned into a feed. Values are stable: the pipeline stores them with the source. */
export enum FeedParseErrorCode {
  /** Empty, not XML/JSON, or XML/JSON that holds no feed, channel, entry or sitemap. */
  NotAFeed = 'FEED_NOT_A_FEED',
  /** JSON that does not parse, or parses to something that is not a JSON Feed object. */
  InvalidJson = 'FEED_INVALID_JSON',
  /** A DTD declares nested entities or entity expansion exceeds its budget (billion laughs, quadratic blowup). */
  EntityRefused = 'FEED_ENTITY_REFUSED',
}

/** Thrown by `parseFeed` for input that is not a feed or that is refused as hostile. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';

  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
