import { AppConfig } from '@copydesk/config';
import { Inject, Injectable, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { connectRedis, redisTarget } from './redis-connection';

/**
 * A plain Redis connection for everything that is not a queue: health checks, per-host politeness, locks. BullMQ
 * keeps its own connections. On a Redis Cluster this is a cluster client: every use is a single-key command or a
 * script whose keys share a hash tag, which both clients serve alike.
 */
export abstract class RedisClient extends Redis {}

/** Closes the shared connection when the process stops. */
@Injectable()
export class RedisClientCloser implements OnModuleDestroy {
  constructor(@Inject(RedisClient) private readonly redis: RedisClient) {}

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export const REDIS_CLIENT_PROVIDER: Provider = {
  provide: RedisClient,
  inject: [AppConfig],
  // A cluster client answers the same commands; consumers see the type of the common one (RedisClient).
  useFactory: (config: AppConfig) => connectRedis(redisTarget(config), { connectionName: 'copydesk' }),
};
