/** Why a fetch failed. Values are stable strings: the pipeline stores them on sources and shows them on the dashboard. */
export enum FetchErrorCode {
  /** The URL itself is refused: bad syntax, scheme, userinfo, or a host/literal address that is never fetched. */
  UrlRefused = 'url-refused',
  /** The host resolved (or connected) to an address that is never fetched. */
  AddressRefused = 'address-refused',
  /** A redirect pointed at a refused URL. */
  RedirectRefused = 'redirect-refused',
  TooManyRedirects = 'too-many-redirects',
  /** The body (raw or after any decompression layer) passed the size cap. */
  TooLarge = 'too-large',
  Timeout = 'timeout',
  /** The caller's own AbortSignal fired. */
  Aborted = 'aborted',
  RobotsDisallowed = 'robots-disallowed',
  /** robots.txt answered 5xx/429 or could not be fetched: RFC 9309 says assume complete disallow for now. */
  RobotsUnreachable = 'robots-unreachable',
  /** A non-2xx, non-304 answer that is not a rate limit. */
  HttpStatus = 'http-status',
  /** 429, 503 with Retry-After, or a host cool-down set by another worker. */
  RateLimited = 'rate-limited',
  ContentTypeRefused = 'content-type-refused',
  ConnectionFailed = 'connection-failed',
  TlsFailed = 'tls-failed',
  /** Malformed HTTP, an unsupported or corrupt Content-Encoding. */
  BadResponse = 'bad-response',
}

/**
 * Whether a failure with this code is worth retrying later. Exhaustive on purpose: a new code must be classified here.
 * `http-status` is refined by the status code (see {@link isRetryableStatus}).
 */
const RETRYABLE: Record<FetchErrorCode, boolean> = {
  [FetchErrorCode.UrlRefused]: false,
  [FetchErrorCode.AddressRefused]: false,
  [FetchErrorCode.RedirectRefused]: false,
  [FetchErrorCode.TooManyRedirects]: false,
  [FetchErrorCode.TooLarge]: false,
  [FetchErrorCode.Timeout]: true,
  [FetchErrorCode.Aborted]: false,
  [FetchErrorCode.RobotsDisallowed]: false,
  [FetchErrorCode.RobotsUnreachable]: true,
  [FetchErrorCode.HttpStatus]: false,
  [FetchErrorCode.RateLimited]: true,
  [FetchErrorCode.ContentTypeRefused]: false,
  [FetchErrorCode.ConnectionFailed]: true,
  [FetchErrorCode.TlsFailed]: false,
  [FetchErrorCode.BadResponse]: false,
};

/** Statuses that say "try again later" rather than "this will never work". */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 425 || statusCode === 429 || statusCode >= 500;
}

/** Extra facts carried by a {@link FetchError}. */
export interface FetchErrorDetails {
  /** The URL being fetched when it failed (the redirect hop, not necessarily the first URL). */
  url?: string;
  statusCode?: number;
  /** How long to wait before trying this host again (Retry-After, a cool-down, robots 5xx). */
  retryAfterMs?: number;
  /** Overrides the code's default classification. */
  retryable?: boolean;
  cause?: unknown;
}

/** The one error type the fetcher throws: a code, a retryable flag, and when to come back. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly retryable: boolean;
  readonly url?: string;
  readonly statusCode?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.statusCode = details.statusCode;
    this.retryAfterMs = details.retryAfterMs;
    this.retryable =
      details.retryable ??
      (code === FetchErrorCode.HttpStatus && details.statusCode !== undefined ? isRetryableStatus(details.statusCode) : RETRYABLE[code]);
  }
}

/** Type guard usable on anything caught. */
export function isFetchError(err: unknown): err is FetchError {
  return err instanceof FetchError;
}
