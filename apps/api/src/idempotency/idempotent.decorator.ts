import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.view';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What a route's Fastify config says about idempotency. */
export interface IdempotencyRouteConfig {
  idempotency?: { carriesSecret: boolean };
}

/**
 * A POST that creates or triggers something: an `Idempotency-Key` header makes retries safe. The same key and body
 * within IDEMPOTENCY_TTL_SECONDS get the first answer again (status and body, `Idempotent-Replayed: true`) without
 * the work being done twice; the same key with another request is 422 `idempotency-key-reused`; a retry while the
 * first is still being answered waits for it (409 `idempotency-key-in-use` after 10 s).
 * `carriesSecret`: the answer holds a secret (a key, a signing secret), stored sealed with SECRETS_KEY.
 */
export function Idempotent(options: { carriesSecret?: boolean } = {}): MethodDecorator {
  const config: IdempotencyRouteConfig = { idempotency: { carriesSecret: options.carriesSecret ?? false } };
  return applyDecorators(
    RouteConfig(config),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Any unique string (a UUID, say): retries with the same key and body get the first answer, and the work is done once',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
    }),
    ApiProblems(409),
  );
}
