import { AppConfig } from '@copydesk/config';
import { QueueName } from '@copydesk/contracts';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { RedisClient } from './redis-client.provider';
import { redisOptionsFromUrl } from './redis-connection';

/**
 * BullMQ on the configured Redis with the installation's key prefix, and every queue registered, so any process
 * can produce to any queue. Consumers are the @Processor classes of the worker apps.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisOptionsFromUrl(config.require('REDIS_URL')),
            prefix: config.get('QUEUE_PREFIX'),
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [JobQueue, RedisClient],
      exports: [JobQueue, RedisClient, BullModule],
    };
  }
}
