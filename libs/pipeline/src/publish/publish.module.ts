import { Module } from '@nestjs/common';
import { ArticleTakedown } from '../articles/article-takedown.service';
import { SecretSealerModule } from '../common/secret-sealer.module';
import { ArticleRouter } from './article-router.service';
import { DeliveryAdmin } from './delivery-admin.service';
import { DeliveryRunner } from './delivery-runner.service';
import { DeliveryScheduler } from './delivery-scheduler.service';
import { SubscriptionManager } from './subscription-manager.service';
import { WebhookSender } from './webhook-sender.service';

const SERVICES = [ArticleTakedown, ArticleRouter, DeliveryAdmin, DeliveryRunner, DeliveryScheduler, SubscriptionManager, WebhookSender];

/**
 * Routing, delivery and their administration. Needs the global DatabaseModule and QueueModule. The delivery
 * sweeper only runs where a worker lists it as a provider.
 */
@Module({ imports: [SecretSealerModule], providers: SERVICES, exports: SERVICES })
export class PublishModule {}
