import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { asError } from '../fetch-error.mapper';
import { type AcquireOptions, type HostLease, type HostLimiter, type SlotAnswer, waitForSlot } from './host.limiter';

// One atomic step: honour a cool-down, drop expired leases, then take a slot only if both the concurrency and the
// minimum interval allow. Redis TIME is the one clock, so workers with skewed clocks still agree.
// KEYS: leases zset, next-start, cool-until. ARGV: lease id, concurrency, min interval ms, lease ms.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cool = tonumber(redis.call('GET', KEYS[3]) or '0')
if cool > now then return {0, cool - now, 'cool-down'} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(first[2]) - now, 'busy'}
end
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return {0, nextStart - now, 'interval'} end
local leaseMs = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + leaseMs, ARGV[1])
if redis.call('PTTL', KEYS[1]) < leaseMs then redis.call('PEXPIRE', KEYS[1], leaseMs) end
local interval = tonumber(ARGV[3])
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return {1, 0, 'ok'}
`;

// KEYS: cool-until. ARGV: duration ms. Keeps the later deadline so a short pause never shortens a long one.
const COOL_DOWN_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1])) end
return untilMs
`;

/**
 * {@link HostLimiter} shared by every process using the same Redis and key prefix: a lease-expiring semaphore,
 * a minimum interval and a cool-down per host, each decided in one Lua script.
 * Keys: `<prefix>fetcher:host:{<host>}:leases|next|cool` (the braces keep one host's keys in one cluster slot).
 */
export class RedisHostLimiter implements HostLimiter {
  private readonly acquireSha = sha1(ACQUIRE_SCRIPT);
  private readonly coolDownSha = sha1(COOL_DOWN_SCRIPT);

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async acquire(host: string, options: AcquireOptions): Promise<HostLease> {
    const id = randomUUID();
    const keys = this.keys(host);
    await waitForSlot(host, () => this.tryAcquire(keys, id, options), options);
    return {
      release: async () => {
        await this.redis.zrem(keys.leases, id);
      },
    };
  }

  async coolDown(host: string, durationMs: number): Promise<void> {
    if (durationMs <= 0) return;
    await this.runScript(COOL_DOWN_SCRIPT, this.coolDownSha, [this.keys(host).cool], [String(Math.ceil(durationMs))]);
  }

  async coolDownRemaining(host: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.keys(host).cool));
  }

  private async tryAcquire(keys: HostKeys, id: string, options: AcquireOptions): Promise<SlotAnswer> {
    const reply = await this.runScript(
      ACQUIRE_SCRIPT,
      this.acquireSha,
      [keys.leases, keys.next, keys.cool],
      [id, String(options.concurrency), String(Math.ceil(options.minIntervalMs)), String(Math.ceil(options.leaseMs))],
    );
    if (!Array.isArray(reply)) throw new Error(`unexpected limiter reply ${String(reply)}`);
    const [granted, waitMs, reason] = reply as [number, number, string];
    if (granted === 1) return { granted: true };
    if (reason !== 'busy' && reason !== 'interval' && reason !== 'cool-down') throw new Error(`unexpected reason ${reason}`);
    return { granted: false, reason, waitMs: Number(waitMs) };
  }

  private keys(host: string): HostKeys {
    const base = `${this.keyPrefix}fetcher:host:{${host}}`;
    return { leases: `${base}:leases`, next: `${base}:next`, cool: `${base}:cool` };
  }

  // EVALSHA first: the script text crosses the network only after a Redis restart or SCRIPT FLUSH.
  private async runScript(script: string, sha: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!asError(err).message.startsWith('NOSCRIPT')) throw err;
      return this.redis.eval(script, keys.length, ...keys, ...args);
    }
  }
}

interface HostKeys {
  leases: string;
  next: string;
  cool: string;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
