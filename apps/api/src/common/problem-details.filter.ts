import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { isInfrastructureError } from '@copydesk/runtime';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problem } from './problem';

/** Fastify's own errors (body limit, JSON syntax, content type) by their codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UnsupportedMediaType,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.MalformedBody,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.MalformedBody,
};

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.MalformedBody,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthorized,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.ValidationFailed,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.ServiceUnavailable,
};

/** How long a client should wait before trying again while PostgreSQL or Redis is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Turns any error into one RFC 9457 document. Used by Nest's filter chain and by Fastify's own error handler. */
export function toProblem(error: unknown, request: FastifyRequest): ProblemDocument {
  const base = { instance: request.url, correlationId: request.id };
  // A dependency that is down is not our bug and not the client's: 503, come back shortly (never a 500).
  if (isInfrastructureError(error)) {
    return problem(ErrorCode.ServiceUnavailable, 'A backing service (database or queue) is unavailable; retry shortly.', base);
  }
  if (error instanceof CopydeskException) return { ...problem(error.code, error.message, base), ...error.extensions };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.MalformedBody);
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : ((response as { message?: unknown }).message as string | undefined);
    return { ...problem(code, Array.isArray(detail) ? detail.join('; ') : detail, base), status };
  }
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  if (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) {
    return problem(FASTIFY_CODES[fastifyError.code], fastifyError.message, base);
  }
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // JSON syntax errors and the like: the client's fault, said plainly.
    return {
      ...problem(STATUS_CODES[fastifyError.statusCode] ?? ErrorCode.MalformedBody, fastifyError.message, base),
      status: fastifyError.statusCode,
    };
  }
  return problem(ErrorCode.Internal, 'An unexpected error occurred; quote the correlation id when reporting it.', base);
}

export function sendProblem(reply: FastifyReply, document: ProblemDocument): void {
  if (document.status === 503) void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  void reply.status(document.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(document));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const document = toProblem(error, request);
    if (document.status === 503)
      this.logger.warn({ err: error, correlationId: document.correlationId }, 'request refused: dependency unavailable');
    else if (document.status >= 500) this.logger.error({ err: error, correlationId: document.correlationId }, 'request failed');
    const reply = http.getResponse<FastifyReply>();
    // A header set on the reply already wins over the exception's.
    if (error instanceof CopydeskException)
      for (const [name, value] of Object.entries(error.headers)) if (!reply.hasHeader(name)) void reply.header(name, value);
    sendProblem(reply, document);
  }
}
