import { ErrorCode } from '@copydesk/pipeline';
import { HttpStatus } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with Copydesk's code and the request's correlation id as extensions. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  correlationId?: string;
  [extension: string]: unknown;
}

/** Exhaustive on purpose: adding a code without a status is a compile error, never a silent 500. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.MalformedBody]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.UnknownSource]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ArticleNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ArticleKilled]: HttpStatus.CONFLICT,
  [ErrorCode.UnknownTopic]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.SubscriptionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DeliveryNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.UrlRefused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.InvalidParameter]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MethodNotAllowed]: HttpStatus.METHOD_NOT_ALLOWED,
  [ErrorCode.RequestTimeout]: HttpStatus.REQUEST_TIMEOUT,
  [ErrorCode.UriTooLong]: HttpStatus.URI_TOO_LONG,
  [ErrorCode.HeadersTooLarge]: 431,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IdempotencyKeyInUse]: HttpStatus.CONFLICT,
  [ErrorCode.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

const TITLES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'The request is not valid',
  [ErrorCode.MalformedBody]: 'The request body cannot be parsed',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.PayloadTooLarge]: 'The request body is too large',
  [ErrorCode.Unauthorized]: 'Authentication required',
  [ErrorCode.Forbidden]: 'Not allowed',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.UnknownSource]: 'Unknown source',
  [ErrorCode.ArticleNotFound]: 'Article not found',
  [ErrorCode.ArticleKilled]: 'The article is killed',
  [ErrorCode.UnknownTopic]: 'Unknown topic',
  [ErrorCode.SubscriptionNotFound]: 'Subscription not found',
  [ErrorCode.DeliveryNotFound]: 'Delivery not found',
  [ErrorCode.UrlRefused]: 'The URL is refused',
  [ErrorCode.Conflict]: 'Conflict',
  [ErrorCode.InvalidParameter]: 'A path parameter is not valid',
  [ErrorCode.MethodNotAllowed]: 'Method not allowed',
  [ErrorCode.RequestTimeout]: 'The request took too long to arrive',
  [ErrorCode.UriTooLong]: 'The URL is too long',
  [ErrorCode.HeadersTooLarge]: 'The request headers are too large',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.IdempotencyKeyReused]: 'The Idempotency-Key was used for another request',
  [ErrorCode.IdempotencyKeyInUse]: 'A request with this Idempotency-Key is still being answered',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
  [ErrorCode.Internal]: 'Internal server error',
};

export function problem(code: ErrorCode, detail: string | undefined, extra: Partial<ProblemDocument> = {}): ProblemDocument {
  return {
    type: `https://copydesk.dev/problems/${code}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    ...(detail ? { detail } : {}),
    code,
    ...extra,
  };
}
