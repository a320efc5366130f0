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
  /** A path parameter that cannot name anything (not a UUID, say). */
  InvalidParameter = 'invalid-parameter',
  /** The path exists, not with this method. */
  MethodNotAllowed = 'method-not-allowed',
  /** The body took too long to arrive. */
  RequestTimeout = 'request-timeout',
  UriTooLong = 'uri-too-long',
  HeadersTooLarge = 'headers-too-large',
  /** Too many requests for the key (or failed authentications from the address). */
  RateLimited = 'rate-limited',
  /** An Idempotency-Key used again with another request. */
  IdempotencyKeyReused = 'idempotency-key-reused',
  /** An Idempotency-Key whose first request is still being answered. */
  IdempotencyKeyInUse = 'idempotency-key-in-use',
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
