import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDateString, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Optional } from './optional.decorator';
import { QueryInt } from './query-int.decorator';

/*
 * Composite field decorators for the DTOs: each documents the field in OpenAPI and validates it the one way the API
 * does it everywhere, so a DTO field is one line and the documentation cannot drift from the check.
 */

type Doc = Pick<ApiPropertyOptions, 'description' | 'example'>;

/** An optional ISO 8601 date-time, parsed strictly; 422 naming the field otherwise. */
export function OptionalDateTime(doc: Doc = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', ...doc }),
    Optional(),
    IsDateString({ strict: true }, { message: ({ property }) => `${property} must be an ISO 8601 date-time` }),
  );
}

/** An optional UUID (any version). */
export function OptionalUuid(doc: Doc = {}): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ format: 'uuid', ...doc }), Optional(), IsUUID());
}

/** An optional string of `min` (default 0) to `max` characters. */
export function OptionalText(max: number, doc: Doc & { min?: number } = {}): PropertyDecorator {
  const { min, ...rest } = doc;
  return applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max, ...(min ? { minLength: min } : {}), ...rest }),
    Optional(),
    IsString(),
    ...(min ? [MinLength(min)] : []),
    MaxLength(max),
  );
}

/** `limit` of a keyset-paged list: 1 to `max`, `fallback` when absent. */
export function PageLimit(max = 200, fallback = 50): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ default: fallback, minimum: 1, maximum: max, type: 'integer' }), QueryInt(1, max));
}
