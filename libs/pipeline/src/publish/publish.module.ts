import { Module } from '@nestjs/common';
import { ArticleTakedown } from '../articles/article-takedown.service';
import { SecretSealerModule } from '../common/secret-sealer.module';
import { DeliveryAdmin } from './delivery-admin.service';
import { RouteAndDeliverModule } from './route-and-deliver.module';
import { SubscriptionManager } from './subscription-manager.service';

const SERVICES = [ArticleTakedown, DeliveryAdmin, SubscriptionManager];

/**
 * Routing and delivery (RouteAndDeliverModule, re-exported) with their administration: subscriptions, deliveries,
 * takedowns. Needs the global DatabaseModule and QueueModule. The delivery sweeper only runs where a worker lists it
 * as a provider.
 */
@Module({ imports: [SecretSealerModule, RouteAndDeliverModule], providers: SERVICES, exports: [...SERVICES, RouteAndDeliverModule] })
export class PublishModule {}
