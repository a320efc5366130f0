import { AppConfig } from '@copydesk/config';
import { ApiKeyRole } from '@copydesk/contracts';
import { ApiKeyRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedRequest } from './auth-context';
import { IS_PUBLIC } from './public.decorator';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function bearer(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

/** `/v1` and `/admin` need `Authorization: Bearer <key>`: the env admin key, or a stored key (compared by hash). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly adminKeyHash: Buffer | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
    private readonly config: AppConfig,
  ) {
    const adminKey = config.get('COPYDESK_ADMIN_KEY');
    this.adminKeyHash = adminKey ? Buffer.from(hashApiKey(adminKey), 'hex') : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    await this.authenticate(context.switchToHttp().getRequest<AuthenticatedRequest>());
    return true;
  }

  /** Sets `request.auth` from the bearer key, or throws 401. Also used by routes that accept other proofs. */
  async authenticate(request: AuthenticatedRequest): Promise<void> {
    const key = bearer(request.headers.authorization);
    if (!key) throw new CopydeskException(ErrorCode.Unauthorized, 'Send an API key as "Authorization: Bearer <key>".');
    const hash = hashApiKey(key);
    // Hashes have a fixed length, so the comparison time says nothing about the key.
    if (this.adminKeyHash && timingSafeEqual(this.adminKeyHash, Buffer.from(hash, 'hex'))) {
      request.auth = { keyId: null, role: ApiKeyRole.Admin, defaultSourceId: null };
      return;
    }
    const stored = await this.keys.findActiveByHash(hash);
    if (!stored) throw new CopydeskException(ErrorCode.Unauthorized, 'The API key is not valid.');
    request.auth = { keyId: stored.id, role: stored.role, defaultSourceId: stored.defaultSourceId };
  }
}
