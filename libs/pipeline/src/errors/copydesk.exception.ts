/**
 * Domain errors carry a code; the API maps each code to an HTTP status in one exhaustive table
 * (apps/api/src/common/problem-details.filter.ts), so a new code cannot silently become a 500.
 */
export enum ErrorCode {
  ValidationFailed = 'validation-failed',
  MalformedBody = 'malformed-body',
  UnsupportedMediaType = 'unsupported-media-type',
  PayloadTooLarge = 'payload-too-large',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  UnknownSource = 'unknown-source',
  ArticleNotFound = 'article-not-found',
  /** The article is killed: it is never enriched, corrected or published again. */
  ArticleKilled = 'article-killed',
  /** A topic qcode that is not an active IPTC Media Topic of the scheme Copydesk ships. */
  UnknownTopic = 'unknown-topic',
  SubscriptionNotFound = 'subscription-not-found',
  DeliveryNotFound = 'delivery-not-found',
  UrlRefused = 'url-refused',
  Conflict = 'conflict',
  ServiceUnavailable = 'service-unavailable',
  Internal = 'internal',
}

export class CopydeskException extends Error {
  /** HTTP headers the answer must carry (a `WWW-Authenticate` challenge, `Retry-After`, `Allow`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CopydeskException';
    this.headers = options?.headers ?? {};
  }
}
