import { AppConfig } from '@copydesk/config';
import { RedisClient } from '@copydesk/queue';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

// Deletes the lock only while it still holds our token: a run that outlived its lease must not free the next one's.
const RELEASE_OWN_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** A lease in Redis per source and purpose, so "never two of these at once for one source" holds across workers. */
@Injectable()
export class SourceLock {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Runs `work` holding the lease, or returns `busy` without running it when another holder has it. */
  async withLock<T>(purpose: string, sourceId: string, leaseMs: number, work: () => Promise<T>): Promise<T | 'busy'> {
    const key = `${this.config.get('QUEUE_PREFIX')}:lock:${purpose}:${sourceId}`;
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', leaseMs, 'NX')) !== 'OK') return 'busy';
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE_OWN_LOCK, 1, key, token);
    }
  }
}
