import { AppConfig } from '@copydesk/config';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from './redis-connection';

/**
 * A plain Redis connection for everything that is not a queue: health checks, per-host politeness, locks.
 * BullMQ keeps its own connections.
 */
@Injectable()
export class RedisClient extends Redis implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super({ ...redisOptionsFromUrl(config.require('REDIS_URL')), lazyConnect: false, connectionName: 'copydesk' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}
