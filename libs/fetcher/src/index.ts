/**
 * @copydesk/fetcher: the safe HTTP client for feeds, pages and user-given URLs, plus the pieces others reuse
 * (URL/address policy for the API's instant 4xx, charset decoding for feeds and pages, retry classification).
 */
export { Fetcher } from './fetcher.service';
export type { FetcherOptions, FetchOptions, FetchResult, FetchTimings, HostPoliteness, RobotsOptions } from './fetcher.types';
export { FetchError, FetchErrorCode, isFetchError, isRetryableStatus, type FetchErrorDetails } from './fetch.error';
export { checkUrlPolicy, effectivePort, type UrlPolicyOptions } from './ssrf/url.policy';
export { classifyAddress, isForbiddenAddress, type AddressClass, type AddressPolicyOptions } from './ssrf/address.policy';
export {
  createGuardedConnector,
  systemResolver,
  type GuardedConnectorOptions,
  type HostResolver,
  type SocketConnector,
} from './ssrf/guarded.connector';
export { decodeBody, type CharsetSource, type DecodedBody } from './charset/charset.decoder';
export { resolveCharset, type Charset } from './charset/charset.labels';
export {
  DEFAULT_ACCEPTED_CONTENT_TYPES,
  isContentTypeAccepted,
  isTextualMediaType,
  parseMediaType,
  type MediaType,
} from './body/content-type.policy';
export { backoffDelay, type BackoffOptions, type Jitter } from './retry/backoff.policy';
export { classifyError, retryDelay, withRetry, type ErrorClassification, type RetryOptions } from './retry/error.classifier';
export { parseRetryAfter } from '@copydesk/http';
export type { AcquireOptions, HostLease, HostLimiter } from './politeness/host.limiter';
export { MemoryHostLimiter } from './politeness/memory-host.limiter';
export { RedisHostLimiter } from './politeness/redis-host.limiter';
