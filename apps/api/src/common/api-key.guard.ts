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
import { type BucketState, RateLimiter } from '../rate-limit/rate-limiter.service';
import { ApiKeyCache } from './api-key-cache';
import { ALL_SOURCES, REQUIRED_SCOPE } from './scope.decorator';

/** The request's bearer key; 401 without one. */
function bearerOf(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized('Send an API key as "Authorization: Bearer <key>".', 'missing');
  return match[1];
}

/** last_used_at is written at most this often per key and process: a busy key must not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

// Shared by every request of the key, as remembered keys are: frozen, so no handler can change another's.
const ENV_ADMIN_AUTH: AuthContext = Object.freeze({
  keyId: null,
  keyName: 'env admin key',
  scopes: Object.freeze([ApiScope.Admin]),
  sourceIds: null,
  defaultSourceId: null,
});

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
 * `/v1` needs `Authorization: Bearer <key>`: COPYDESK_ADMIN_KEY, or a stored key (looked up by hash, then remembered
 * briefly: a revocation raises the keys' version, which every request reads with its token, so it holds at once in
 * every API process). The route's scope (@RequireScope) must be one of the key's.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly adminKeyHash: Buffer | null;
  private readonly touched = new Map<string, number>();
  private readonly cache = new ApiKeyCache();

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
   * A key this process knows (the env admin key, or a stored key found valid a moment ago) takes one Redis round trip
   * and no lookup; any other takes the address's failure check, a lookup, then the token.
   */
  async admit(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    scope: ApiScope,
    options: { allSources?: boolean } = {},
  ): Promise<AuthContext> {
    const hash = hashApiKey(bearerOf(request));
    const known = this.known(hash);
    let bucket: BucketState;
    if (known && hasScope(known.auth, scope) && !(options.allSources && known.auth.sourceIds !== null)) {
      const admitted = await this.limiter.admit(request.ip, known.auth.keyId, scope);
      bucket = admitted.bucket;
      // A key was revoked somewhere since this one was looked up: look it up again (its token is taken either way).
      const auth =
        known.version === null || known.version === admitted.keyVersion
          ? known.auth
          : await this.lookUp(request, hash, admitted.keyVersion);
      this.permit(auth, scope, options);
      this.accept(request, auth);
    } else {
      this.permit(await this.authenticateHash(request, hash, known), scope, options);
      bucket = await this.limiter.take(request.auth?.keyId ?? null, scope);
    }
    for (const [name, value] of Object.entries(RateLimiter.headers(bucket))) void reply.header(name, value);
    return request.auth as AuthContext;
  }

  /** Sets `request.auth` from the bearer key, or throws 401. Also used by routes that accept other proofs. */
  async authenticate(request: AuthenticatedRequest): Promise<AuthContext> {
    const hash = hashApiKey(bearerOf(request));
    return this.authenticateHash(request, hash, this.known(hash));
  }

  /** The address's failure check first (a guesser learns nothing, not even from timing), then the key. */
  private async authenticateHash(
    request: AuthenticatedRequest,
    hash: string,
    known: { auth: AuthContext; version: string | null } | null,
  ): Promise<AuthContext> {
    const { keyVersion } = await this.limiter.checkFailures(request.ip);
    if (known && (known.version === null || known.version === keyVersion)) return this.accept(request, known.auth);
    return this.lookUp(request, hash, keyVersion);
  }

  /** The env admin key (never stale), or a stored key this process found valid, with the keys' version then. */
  private known(hash: string): { auth: AuthContext; version: string | null } | null {
    // Hashes have a fixed length, so the comparison time says nothing about the key.
    if (this.adminKeyHash && timingSafeEqual(this.adminKeyHash, Buffer.from(hash, 'hex'))) return { auth: ENV_ADMIN_AUTH, version: null };
    return this.cache.get(hash);
  }

  /** Looks a stored key up (remembering it when valid, under `keyVersion`, read before the lookup); 401 otherwise. */
  private async lookUp(request: AuthenticatedRequest, hash: string, keyVersion: string): Promise<AuthContext> {
    this.cache.delete(hash);
    try {
      // Looked up by its hash: an index probe on a value the caller cannot steer, so timing says nothing either.
      const stored = await this.keys.findByHash(hash);
      if (!stored) throw unauthorized('The API key is not valid.', 'invalid');
      if (stored.revokedAt) throw unauthorized('The API key was revoked.', 'invalid');
      if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) throw unauthorized('The API key has expired.', 'invalid');
      const auth: AuthContext = Object.freeze({
        keyId: stored.id,
        keyName: stored.name,
        scopes: Object.freeze([...stored.scopes]),
        sourceIds: stored.sourceIds ? Object.freeze([...stored.sourceIds]) : null,
        defaultSourceId: stored.defaultSourceId,
      });
      this.cache.set(hash, auth, stored.expiresAt, keyVersion);
      return this.accept(request, auth);
    } catch (err) {
      if (err instanceof CopydeskException && err.code === ErrorCode.Unauthorized) await this.limiter.recordFailure(request.ip);
      throw err;
    }
  }

  private accept(request: AuthenticatedRequest, auth: AuthContext): AuthContext {
    request.auth = auth;
    if (auth.keyId) this.touch(auth.keyId);
    return auth;
  }

  /** The scope (403), and no key limited to sources on a route that reaches beyond them (403). */
  private permit(auth: AuthContext, scope: ApiScope, options: { allSources?: boolean }): void {
    this.requireScope(auth, scope);
    if (options.allSources && auth.sourceIds !== null) {
      throw new CopydeskException(ErrorCode.Forbidden, 'This operation reaches beyond sources: a key limited to sources cannot use it.');
    }
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
