import { applyDecorators, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtension, ApiHeader, ApiResponse } from '@nestjs/swagger';

export interface CachingRouteConfig {
  etag?: boolean;
}

/**
 * A single-resource read: the answer carries a strong ETag (a hash of its bytes) and `Cache-Control: private,
 * no-cache`, and `If-None-Match` with that tag answers 304 with no body.
 */
export function ETagged(): MethodDecorator {
  const config: CachingRouteConfig = { etag: true };
  return applyDecorators(
    RouteConfig(config),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier answer: 304 when unchanged',
      schema: { type: 'string', maxLength: 1024 },
    }),
    ApiResponse({ status: 304, description: 'Not modified since the ETag given in If-None-Match' }),
  );
}

/** The answer holds a secret (a key, a signing secret): no cache, no proxy and no browser keeps it. */
export function CarriesSecret(): MethodDecorator {
  return applyDecorators(Header('cache-control', 'no-store'), ApiExtension('x-carries-secret', true));
}
