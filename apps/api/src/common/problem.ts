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
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
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
