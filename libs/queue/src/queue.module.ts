import { AppConfig } from '@copydesk/config';
import { QueueName } from '@copydesk/contracts';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { REDIS_CLIENT_PROVIDER, RedisClient, RedisClientCloser } from './redis-client.provider';
import { connectRedis, queuePrefix, redisTarget } from './redis-connection';

/**
 * BullMQ on the configured Redis (a server, or a Redis Cluster) with the installation's key prefix, and every queue
 * registered, so any process can produce to any queue. Consumers are the @Processor classes of the worker apps.
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
          useFactory: (config: AppConfig) => {
            const target = redisTarget(config);
            // BullMQ takes a cluster as a client instance (its queues share it; each worker duplicates it for its
            // blocking reads); a single server as options, one connection per queue and worker.
            return { connection: target.cluster ? connectRedis(target) : target.options, prefix: config.get('QUEUE_PREFIX') };
          },
        }),
        // Workers take their queue's options, prefix included.
        BullModule.registerQueueAsync(
          ...Object.values(QueueName).map((name) => ({
            name,
            inject: [AppConfig],
            useFactory: (config: AppConfig) => ({ prefix: queuePrefix(config, name) }),
          })),
        ),
      ],
      providers: [JobQueue, REDIS_CLIENT_PROVIDER, RedisClientCloser],
      exports: [JobQueue, RedisClient, BullModule],
    };
  }
}
