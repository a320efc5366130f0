import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A Redis client for one spec file, its unique key prefix, and cleanup of every key written under it. */
export interface TestRedis {
  redis: Redis;
  keyPrefix: string;
  url: string;
  cleanup(): Promise<void>;
}

/** Connects to the test Redis; `url` defaults to the local server. */
export function connectTestRedis(url = 'redis://127.0.0.1:6379'): TestRedis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
  const keyPrefix = `copydesk-test-${randomBytes(6).toString('hex')}:`;
  return {
    redis,
    keyPrefix,
    url,
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
