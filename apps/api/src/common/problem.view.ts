import { ErrorCode } from '@copydesk/pipeline';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** One invalid field or parameter: where (a JSON pointer into the body, or /query/<name>, /path/<name>) and why. */
export class InvalidParamView {
  @ApiProperty({ example: '/title', maxLength: 1000 })
  pointer: string;

  @ApiProperty({ example: 'title must be a string', maxLength: 2000 })
  detail: string;
}

/** RFC 9457 problem details, with Copydesk's code and the request's correlation id. */
export class ProblemView {
  @ApiProperty({ format: 'uri', example: 'https://copydesk.dev/problems/validation-failed' })
  type: string;

  @ApiProperty({ example: 'The request is not valid' })
  title: string;

  @ApiProperty({ minimum: 400, maximum: 599, example: 422 })
  status: number;

  @ApiPropertyOptional({ example: '/title: title must be a string' })
  detail?: string;

  @ApiPropertyOptional({ example: '/v1/articles' })
  instance?: string;

  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' })
  code: ErrorCode;

  @ApiPropertyOptional({ example: '8f0c6c1e-2f1b-4a4e-9d55-3a2f6f0f7a10' })
  correlationId?: string;

  @ApiPropertyOptional({ type: [InvalidParamView], description: 'Each invalid field or parameter' })
  errors?: InvalidParamView[];
}

const WHY: Record<number, string> = {
  400: 'The request cannot be read (malformed JSON, URL or headers)',
  401: 'No API key, or a key that is unknown, revoked or expired',
  403: 'The key lacks the scope this operation needs, or is limited to other sources',
  404: 'No such resource (or not one the key may see)',
  405: 'The path exists but not with this method',
  409: 'The request conflicts with the resource’s state',
  413: 'The body is larger than MAX_BODY_BYTES',
  415: 'The body is not application/json',
  422: 'The request is well-formed but not valid: each problem is listed in errors',
  429: 'Too many requests for this key (or failed authentications from this address): wait Retry-After seconds',
  503: 'PostgreSQL or Redis is unavailable: retry after Retry-After seconds',
};

/** Declares problem+json answers of an operation in the OpenAPI document. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: WHY[status] ?? 'A problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  );
}
