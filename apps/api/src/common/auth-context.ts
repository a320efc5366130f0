import { ApiScope } from '@copydesk/contracts';
import type { AuditActor } from '@copydesk/database';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is calling: set by the API key guard. */
export interface AuthContext {
  /** Null for COPYDESK_ADMIN_KEY, which has no row. */
  keyId: string | null;
  /** Shown in the audit log: the key's name, or `env admin key`. */
  keyName: string;
  scopes: readonly ApiScope[];
  /** The sources the key is limited to; null for every source. */
  sourceIds: readonly string[] | null;
  defaultSourceId: string | null;
}

export type AuthenticatedRequest = FastifyRequest & { auth?: AuthContext };

/** `admin` includes every other scope. */
export function hasScope(auth: Pick<AuthContext, 'scopes'>, scope: ApiScope): boolean {
  return auth.scopes.includes(scope) || auth.scopes.includes(ApiScope.Admin);
}

/** True when the key may act on the source's articles. */
export function canUseSource(auth: Pick<AuthContext, 'sourceIds'>, sourceId: string): boolean {
  return auth.sourceIds === null || auth.sourceIds.includes(sourceId);
}

export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new Error('Auth used on a public route');
  return auth;
});

/** The caller as the audit log records it: the key, its name, and this request's correlation id. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditActor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('Actor used on a public route');
  return { keyId: request.auth.keyId, name: request.auth.keyName, correlationId: request.id };
});

export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().id;
});
