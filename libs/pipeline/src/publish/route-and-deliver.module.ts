import { Module } from '@nestjs/common';
import { SecretSealerModule } from '../common/secret-sealer.module';
import { ArticleRouter } from './article-router.service';
import { DeliveryRunner } from './delivery-runner.service';
import { DeliveryScheduler } from './delivery-scheduler.service';
import { WebhookSender } from './webhook-sender.service';

const SERVICES = [ArticleRouter, DeliveryRunner, DeliveryScheduler, WebhookSender];

/**
 * What the publish worker runs: routing an article to subscriptions and delivering. Needs the global DatabaseModule
 * and QueueModule. Loaded through `@copydesk/pipeline/publish`, so the worker does not load the other stages (the
 * whole `@copydesk/pipeline` brings ingest, feeds, extraction and enrichment with it).
 */
@Module({ imports: [SecretSealerModule], providers: SERVICES, exports: SERVICES })
export class RouteAndDeliverModule {}
