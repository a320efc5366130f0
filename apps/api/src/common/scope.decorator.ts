import type { ApiScope } from '@copydesk/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from './problem.view';

export const REQUIRED_SCOPE = 'copydesk:required-scope';

/** The OpenAPI extension that names an operation's scope (OpenAPI 3.0 bearer requirements cannot carry one). */
export const SCOPE_EXTENSION = 'x-required-scope';

/**
 * The one place a route says what it needs: a key with this scope (`admin` keys have every scope). The API key guard
 * refuses any route that declares none and is not @Public(), so a new route cannot be left open by forgetting this.
 * Also declares the bearer requirement, the scope and the 401/403/429 answers in the OpenAPI document.
 */
export function RequireScope(scope: ApiScope): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiBearerAuth(),
    ApiExtension(SCOPE_EXTENSION, scope),
    ApiProblems(401, 403, 429),
  );
}

export const ALL_SOURCES = 'copydesk:all-sources';

/**
 * Installation-wide operations (subscriptions, deliveries, bulk work, keys, audit): a key limited to sources gets
 * 403, since what it would see or change reaches beyond its sources.
 */
export function AllSources(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ALL_SOURCES, true), ApiExtension('x-all-sources', true));
}
