import { AppConfig } from '@copydesk/config';
import { ApiKeyRepository } from '@copydesk/database';
import { RedisClient } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashApiKey } from '../../common/api-key.secret';
import type { AuthContext } from '../../common/auth-context';

/** What the dashboard keeps about a signed-in browser, in Redis (every API process sees every session). */
interface StoredSession {
  keyId: string | null;
  /** For the installation's key (keyId null): a tag of its hash, so changing COPYDESK_ADMIN_KEY ends its sessions. */
  keyTag: string | null;
  /** The installation key's authority (its own never changes); a stored key's is read afresh on every request. */
  auth: Omit<AuthContext, 'keyId'>;
  keyLabel: string;
  csrf: string;
  createdAt: number;
  /** Absolute end, whatever the activity (ms since the epoch). */
  endsAt: number;
  /** One message for the next page shown ("3 deliveries replayed"). */
  flash?: string;
}

export interface AdminSession {
  token: string;
  auth: AuthContext;
  keyLabel: string;
  csrf: string;
  endsAt: Date;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Dashboard sessions: an opaque random token in an HttpOnly cookie, the session in Redis under the token's hash (a
 * Redis dump holds no usable token), expiring after ADMIN_SESSION_IDLE_SECONDS without a request and
 * ADMIN_SESSION_MAX_SECONDS after sign-in. Each request re-checks the key: a revoked key's sessions end at once.
 */
@Injectable()
export class AdminSessions {
  private readonly idleSeconds: number;
  private readonly maxSeconds: number;
  private readonly prefix: string;
  private readonly adminKeyTag: string | null;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: ApiKeyRepository,
    config: AppConfig,
  ) {
    this.idleSeconds = config.get('ADMIN_SESSION_IDLE_SECONDS');
    this.maxSeconds = config.get('ADMIN_SESSION_MAX_SECONDS');
    this.prefix = `${config.get('QUEUE_PREFIX')}:admin:session:`;
    const adminKey = config.get('COPYDESK_ADMIN_KEY');
    this.adminKeyTag = adminKey ? sha256(`tag:${hashApiKey(adminKey)}`).slice(0, 32) : null;
  }

  get lifetimeSeconds(): number {
    return this.maxSeconds;
  }

  /** Starts a session for a key the API key check accepted; answers the cookie's token. */
  async create(auth: AuthContext, keyLabel: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session: StoredSession = {
      keyId: auth.keyId,
      keyTag: auth.keyId === null ? this.adminKeyTag : null,
      auth: { keyName: auth.keyName, scopes: auth.scopes, sourceIds: auth.sourceIds, defaultSourceId: auth.defaultSourceId },
      keyLabel,
      csrf: randomBytes(32).toString('base64url'),
      createdAt: now,
      endsAt: now + this.maxSeconds * 1000,
    };
    await this.redis.set(this.key(token), JSON.stringify(session), 'EX', Math.min(this.idleSeconds, this.maxSeconds));
    return token;
  }

  /** The live session of a token, extended by this request; null when unknown, expired or its key was revoked. */
  async resume(token: string): Promise<AdminSession | null> {
    const stored = await this.read(token);
    if (!stored) return null;
    const remaining = Math.floor((stored.endsAt - Date.now()) / 1000);
    const auth = await this.currentAuth(stored);
    if (remaining <= 0 || auth === null) {
      await this.destroy(token);
      return null;
    }
    await this.redis.expire(this.key(token), Math.min(this.idleSeconds, remaining));
    return {
      token,
      auth,
      keyLabel: stored.keyLabel,
      csrf: stored.csrf,
      endsAt: new Date(stored.endsAt),
    };
  }

  /** The CSRF token sent with a change must be the session's own. */
  static csrfMatches(session: AdminSession, given: unknown): boolean {
    return typeof given === 'string' && given.length > 0 && sameText(session.csrf, given);
  }

  async destroy(token: string): Promise<void> {
    await this.redis.del(this.key(token));
  }

  /** Leaves a message for the next page this session sees. */
  async flash(token: string, message: string): Promise<void> {
    const stored = await this.read(token);
    if (!stored) return;
    const ttl = await this.redis.ttl(this.key(token));
    if (ttl > 0) await this.redis.set(this.key(token), JSON.stringify({ ...stored, flash: message }), 'EX', ttl);
  }

  /** The message left for this page, once. */
  async takeFlash(token: string): Promise<string | null> {
    const stored = await this.read(token);
    if (!stored?.flash) return null;
    const ttl = await this.redis.ttl(this.key(token));
    if (ttl > 0) await this.redis.set(this.key(token), JSON.stringify({ ...stored, flash: undefined }), 'EX', ttl);
    return stored.flash;
  }

  private key(token: string): string {
    return this.prefix + sha256(token);
  }

  private async read(token: string): Promise<StoredSession | null> {
    const text = await this.redis.get(this.key(token));
    return text ? (JSON.parse(text) as StoredSession) : null;
  }

  /**
   * What the key may do now: a stored key must still be active and unexpired, with its current scopes and sources;
   * the installation's key must still be the same.
   */
  private async currentAuth(stored: StoredSession): Promise<AuthContext | null> {
    if (stored.keyId === null) {
      return stored.keyTag !== null && stored.keyTag === this.adminKeyTag ? { keyId: null, ...stored.auth } : null;
    }
    const key = await this.keys.findActiveById(stored.keyId);
    if (!key || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
    return { keyId: key.id, keyName: key.name, scopes: key.scopes, sourceIds: key.sourceIds, defaultSourceId: key.defaultSourceId };
  }
}
