import { AppConfig } from '@copydesk/config';
import { ApiScope } from '@copydesk/contracts';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { RedisClient } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type RateLimit, parseRateLimit, parseScopeLimits, policyHeader } from './rate-limit.policy';
import { TOKEN_BUCKET_SCRIPT } from './token-bucket.script';

/** What a take from a bucket says, for the RateLimit-* headers. */
export interface BucketState {
  allowed: boolean;
  limit: RateLimit;
  remaining: number;
  retryAfterSeconds: number;
  resetSeconds: number;
}

const SCRIPT_SHA = createHash('sha1').update(TOKEN_BUCKET_SCRIPT).digest('hex');

/**
 * Rate limits held in Redis, so they hold across API processes: one token bucket per key and scope (limits from
 * RATE_LIMITS), and one per client address for failed authentications (AUTH_FAILURE_LIMIT).
 */
@Injectable()
export class RateLimiter {
  private readonly limits: Record<ApiScope, RateLimit>;
  private readonly failureLimit: RateLimit;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    const defaults = parseScopeLimits('ingest=600/1m,read=1200/1m,manage=300/1m,admin=600/1m', {} as Record<ApiScope, RateLimit>);
    this.limits = parseScopeLimits(config.get('RATE_LIMITS'), defaults);
    this.failureLimit = parseRateLimit(config.get('AUTH_FAILURE_LIMIT'));
    this.prefix = `${config.get('QUEUE_PREFIX')}:rate`;
  }

  /** Takes a token for the key's requests in this scope; 429 with Retry-After when there is none. */
  async take(keyId: string | null, scope: ApiScope): Promise<BucketState> {
    const limit = this.limits[scope];
    const state = await this.bucket(`${this.prefix}:key:${keyId ?? 'env-admin'}:${scope}`, limit, 1);
    if (!state.allowed) throw tooMany(state, `This key has used its ${scope} requests (${limit.capacity} per ${limit.windowSeconds} s).`);
    return state;
  }

  /** Before a key is checked: an address that failed too often is refused, whatever it sends now. */
  async checkFailures(address: string): Promise<void> {
    const state = await this.bucket(this.failureKey(address), this.failureLimit, 0);
    if (state.remaining < 1) throw tooMany(state, 'Too many failed authentications from this address.');
  }

  /** Counts one failed authentication of the address. */
  async recordFailure(address: string): Promise<void> {
    await this.bucket(this.failureKey(address), this.failureLimit, 1);
  }

  /** The RateLimit-* headers (IETF httpapi draft names) for an answer. */
  static headers(state: BucketState): Record<string, string> {
    return {
      'ratelimit-limit': String(state.limit.capacity),
      'ratelimit-remaining': String(state.remaining),
      'ratelimit-reset': String(state.resetSeconds),
      'ratelimit-policy': policyHeader(state.limit),
    };
  }

  private failureKey(address: string): string {
    return `${this.prefix}:auth-failures:${address}`;
  }

  private async bucket(key: string, limit: RateLimit, cost: number): Promise<BucketState> {
    const args = [String(limit.capacity), String(limit.windowSeconds * 1000), String(cost)];
    let result: unknown;
    try {
      result = await this.redis.evalsha(SCRIPT_SHA, 1, key, ...args);
    } catch (err) {
      if (!(err instanceof Error && err.message.includes('NOSCRIPT'))) throw err;
      result = await this.redis.eval(TOKEN_BUCKET_SCRIPT, 1, key, ...args);
    }
    const [allowed, milliTokens, untilOne, untilFull] = result as [number, number, number, number];
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.floor(milliTokens / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil(untilOne / 1000)),
      resetSeconds: Math.ceil(untilFull / 1000),
    };
  }
}

function tooMany(state: BucketState, detail: string): CopydeskException {
  return new CopydeskException(
    ErrorCode.RateLimited,
    `${detail} Retry after ${state.retryAfterSeconds} s.`,
    { retryAfterSeconds: state.retryAfterSeconds },
    { headers: { 'retry-after': String(state.retryAfterSeconds), ...RateLimiter.headers({ ...state, remaining: 0 }) } },
  );
}
