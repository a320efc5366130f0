import { ApiScope } from '@copydesk/contracts';
import { ApiKeyRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { AppConfig } from '@copydesk/config';
import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { hashApiKey } from './api-key.secret';
import { type AuthContext, type AuthenticatedRequest, hasScope } from './auth-context';
import { IS_PUBLIC } from './public.decorator';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { ALL_SOURCES, REQUIRED_SCOPE } from './scope.decorator';

function bearer(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

/** last_used_at is written at most this often per key and process: a busy key must not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const ENV_ADMIN: Omit<AuthContext, 'keyId'> = {
  keyName: 'env admin key',
  scopes: [ApiScope.Admin],
  sourceIds: null,
  defaultSourceId: null,
};

/** Thrown for a missing or refused key; carries the RFC 6750 challenge the answer needs. */
function unauthorized(detail: string, reason: 'missing' | 'invalid'): CopydeskException {
  return new CopydeskException(
    ErrorCode.Unauthorized,
    detail,
    {},
    {
      headers: { 'www-authenticate': reason === 'missing' ? 'Bearer realm="copydesk"' : 'Bearer realm="copydesk", error="invalid_token"' },
    },
  );
}

/**
 * `/v1` needs `Authorization: Bearer <key>`: COPYDESK_ADMIN_KEY, or a stored key (looked up by hash on every request,
 * so a revocation holds at once in every API process). The route's scope (@RequireScope) must be one of the key's.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly adminKeyHash: Buffer | null;
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    const adminKey = config.get('COPYDESK_ADMIN_KEY');
    this.adminKeyHash = adminKey ? Buffer.from(hashApiKey(adminKey), 'hex') : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
    // Fail closed: a route nobody gave a scope is a programming error, never an open door.
    if (!scope) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no scope (@RequireScope)`);
    const http = context.switchToHttp();
    await this.admit(http.getRequest<AuthenticatedRequest>(), http.getResponse<FastifyReply>(), scope, {
      allSources: this.reflector.getAllAndOverride<boolean>(ALL_SOURCES, targets) ?? false,
    });
    return true;
  }

  /**
   * The whole check of a keyed request: a valid key (401), the scope (403), not limited to sources where the route
   * reaches beyond them (403), and a token from the key's bucket for the scope (429); sets the RateLimit headers.
   */
  async admit(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    scope: ApiScope,
    options: { allSources?: boolean } = {},
  ): Promise<AuthContext> {
    const auth = await this.authenticate(request);
    this.requireScope(auth, scope);
    if (options.allSources && auth.sourceIds !== null) {
      throw new CopydeskException(ErrorCode.Forbidden, 'This operation reaches beyond sources: a key limited to sources cannot use it.');
    }
    const bucket = await this.limiter.take(auth.keyId, scope);
    for (const [name, value] of Object.entries(RateLimiter.headers(bucket))) void reply.header(name, value);
    return auth;
  }

  /** Sets `request.auth` from the bearer key, or throws 401. Also used by routes that accept other proofs. */
  async authenticate(request: AuthenticatedRequest): Promise<AuthContext> {
    const key = bearer(request.headers.authorization);
    if (!key) throw unauthorized('Send an API key as "Authorization: Bearer <key>".', 'missing');
    // An address that guessed wrong too often is refused before its key is even looked at.
    await this.limiter.checkFailures(request.ip);
    try {
      return await this.verify(request, key);
    } catch (err) {
      if (err instanceof CopydeskException && err.code === ErrorCode.Unauthorized) await this.limiter.recordFailure(request.ip);
      throw err;
    }
  }

  private async verify(request: AuthenticatedRequest, key: string): Promise<AuthContext> {
    const hash = hashApiKey(key);
    // Hashes have a fixed length, so the comparison time says nothing about the key.
    if (this.adminKeyHash && timingSafeEqual(this.adminKeyHash, Buffer.from(hash, 'hex'))) {
      request.auth = { keyId: null, ...ENV_ADMIN };
      return request.auth;
    }
    // Looked up by its hash: an index probe on a value the caller cannot steer, so timing says nothing either.
    const stored = await this.keys.findByHash(hash);
    if (!stored) throw unauthorized('The API key is not valid.', 'invalid');
    if (stored.revokedAt) throw unauthorized('The API key was revoked.', 'invalid');
    if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) throw unauthorized('The API key has expired.', 'invalid');
    request.auth = {
      keyId: stored.id,
      keyName: stored.name,
      scopes: stored.scopes,
      sourceIds: stored.sourceIds,
      defaultSourceId: stored.defaultSourceId,
    };
    this.touch(stored.id);
    return request.auth;
  }

  requireScope(auth: AuthContext, scope: ApiScope): void {
    if (hasScope(auth, scope)) return;
    throw new CopydeskException(
      ErrorCode.Forbidden,
      `This operation needs a key with the ${scope} scope; this key has ${auth.scopes.join(', ')}.`,
      { requiredScope: scope },
      { headers: { 'www-authenticate': `Bearer realm="copydesk", error="insufficient_scope", scope="${scope}"` } },
    );
  }

  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touched.set(id, now);
    this.keys.touch(id).catch((err: unknown) => this.logger.warn({ err, keyId: id }, 'could not record the key’s last use'));
  }
}
