import { AppConfig, DEFAULT_RATE_LIMITS } from '@copydesk/config';
import { ApiScope } from '@copydesk/contracts';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { RedisClient } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type RateLimit, parseRateLimit, parseScopeLimits, policyHeader } from './rate-limit.policy';
import { ADMIT_SCRIPT, TOKEN_BUCKET_SCRIPT } from './token-bucket.script';

/** What a take from a bucket says, for the RateLimit-* headers. */
export interface BucketState {
  allowed: boolean;
  limit: RateLimit;
  remaining: number;
  retryAfterSeconds: number;
  resetSeconds: number;
}

/** A script and its SHA-1, for EVALSHA (EVAL once when the server does not know it yet). */
interface Script {
  text: string;
  sha: string;
}
const script = (text: string): Script => ({ text, sha: createHash('sha1').update(text).digest('hex') });
const TOKEN_BUCKET = script(TOKEN_BUCKET_SCRIPT);
const ADMIT = script(ADMIT_SCRIPT);

/** A script's answer: a bucket's {allowed, tokens ×1000, ms until one, ms until full}, maybe with more after it. */
type Reply = Array<number | string>;

/**
 * Rate limits held in Redis, so they hold across API processes: one token bucket per key and scope (limits from
 * RATE_LIMITS), and one per client address for failed authentications (AUTH_FAILURE_LIMIT). Beside them, the API
 * keys' version: a counter every revocation raises, read in the same round trip as a request's token, so a process
 * that remembers a key learns at once that it may have been revoked.
 *
 * Every key shares one hash tag, `{QUEUE_PREFIX:rate}`: a script may only touch keys of one slot on a Redis Cluster.
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
    const defaults = parseScopeLimits(DEFAULT_RATE_LIMITS, {} as Record<ApiScope, RateLimit>);
    this.limits = parseScopeLimits(config.get('RATE_LIMITS'), defaults);
    this.failureLimit = parseRateLimit(config.get('AUTH_FAILURE_LIMIT'));
    this.prefix = `{${config.get('QUEUE_PREFIX')}:rate}`;
  }

  /** Takes a token for the key's requests in this scope; 429 with Retry-After when there is none. */
  async take(keyId: string | null, scope: ApiScope): Promise<BucketState> {
    const limit = this.limits[scope];
    const reply = await this.run(TOKEN_BUCKET, [this.bucketKey(keyId, scope)], [limit.capacity, limit.windowSeconds * 1000, 1]);
    return this.allowed(toState(reply, limit), scope);
  }

  /**
   * A request whose key this process already knows, in one round trip: refused (429) when its address failed to
   * authenticate too often, as checkFailures; else a token taken from the key's bucket for the scope, as take. With
   * the API keys' version, for the caller to tell whether what it knows of the key is still current.
   */
  async admit(address: string, keyId: string | null, scope: ApiScope): Promise<{ bucket: BucketState; keyVersion: string }> {
    const limit = this.limits[scope];
    const failures = this.failureLimit;
    const [blocked, ...reply] = await this.run(
      ADMIT,
      [this.failureKey(address), this.bucketKey(keyId, scope), this.versionKey()],
      [failures.capacity, failures.windowSeconds * 1000, limit.capacity, limit.windowSeconds * 1000],
    );
    if (blocked === 1) throw tooMany(toState(reply, failures), FAILURES_DETAIL);
    return { bucket: this.allowed(toState(reply, limit), scope), keyVersion: String(reply[4]) };
  }

  /**
   * Before a key is looked up: an address that failed too often is refused, whatever it sends now. The API keys'
   * version as it was before the lookup, so that what the lookup finds is remembered under a version no older.
   */
  async checkFailures(address: string): Promise<{ keyVersion: string }> {
    const { capacity, windowSeconds } = this.failureLimit;
    const reply = await this.run(TOKEN_BUCKET, [this.failureKey(address), this.versionKey()], [capacity, windowSeconds * 1000, 0]);
    const state = toState(reply, this.failureLimit);
    if (state.remaining < 1) throw tooMany(state, FAILURES_DETAIL);
    return { keyVersion: String(reply[4]) };
  }

  /** Counts one failed authentication of the address. */
  async recordFailure(address: string): Promise<void> {
    await this.run(TOKEN_BUCKET, [this.failureKey(address)], [this.failureLimit.capacity, this.failureLimit.windowSeconds * 1000, 1]);
  }

  /** Raises the API keys' version: every process then checks the keys it remembers again (after a revocation). */
  async keysChanged(): Promise<void> {
    await this.redis.incr(this.versionKey());
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

  private bucketKey(keyId: string | null, scope: ApiScope): string {
    return `${this.prefix}:key:${keyId ?? 'env-admin'}:${scope}`;
  }

  private versionKey(): string {
    return `${this.prefix}:api-keys-version`;
  }

  private allowed(state: BucketState, scope: ApiScope): BucketState {
    const { capacity, windowSeconds } = state.limit;
    if (!state.allowed) throw tooMany(state, `This key has used its ${scope} requests (${capacity} per ${windowSeconds} s).`);
    return state;
  }

  /** EVALSHA, or EVAL when the server does not know the script yet (a restart, another server of a cluster). */
  private async run(script: Script, keys: string[], args: number[]): Promise<Reply> {
    let result: unknown;
    try {
      result = await this.redis.evalsha(script.sha, keys.length, ...keys, ...args.map(String));
    } catch (err) {
      if (!(err instanceof Error && err.message.includes('NOSCRIPT'))) throw err;
      result = await this.redis.eval(script.text, keys.length, ...keys, ...args.map(String));
    }
    return result as Reply;
  }
}

const FAILURES_DETAIL = 'Too many failed authentications from this address.';

function toState(reply: Reply, limit: RateLimit): BucketState {
  const [allowed, milliTokens, untilOne, untilFull] = reply.slice(0, 4).map(Number);
  return {
    allowed: allowed === 1,
    limit,
    remaining: Math.floor(milliTokens / 1000),
    retryAfterSeconds: Math.max(1, Math.ceil(untilOne / 1000)),
    resetSeconds: Math.ceil(untilFull / 1000),
  };
}

function tooMany(state: BucketState, detail: string): CopydeskException {
  return new CopydeskException(
    ErrorCode.RateLimited,
    `${detail} Retry after ${state.retryAfterSeconds} s.`,
    { retryAfterSeconds: state.retryAfterSeconds },
    { headers: { 'retry-after': String(state.retryAfterSeconds), ...RateLimiter.headers({ ...state, remaining: 0 }) } },
  );
}
