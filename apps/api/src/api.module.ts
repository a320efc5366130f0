import { ConfigModule } from '@copydesk/config';
import { DatabaseModule } from '@copydesk/database';
import { LoggingModule } from '@copydesk/logging';
import { QueueModule } from '@copydesk/queue';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ArticlesModule } from './articles/articles.module';
import { AuditModule } from './audit/audit.module';
import { ClustersModule } from './clusters/clusters.module';
import { StatsModule } from './stats/stats.module';
import { ApiKeyGuard } from './common/api-key.guard';
import { AuthModule } from './common/auth.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { EnrichmentApiModule } from './enrichment/enrichment.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { RawItemsModule } from './raw-items/raw-items.module';
import { IngestApiModule } from './ingest/ingest.module';
import { SourcesModule } from './sources/sources.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('api'),
    DatabaseModule,
    QueueModule.forRoot(),
    AuthModule,
    ArticlesModule,
    ClustersModule,
    RawItemsModule,
    IngestApiModule,
    SourcesModule,
    SubscriptionsModule,
    DeliveriesModule,
    WebhooksModule,
    EnrichmentApiModule,
    AdminModule,
    ApiKeysModule,
    AuditModule,
    StatsModule,
  ],
  controllers: [HealthController, MetricsController],
  providers: [
    { provide: APP_GUARD, useExisting: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class ApiModule {}
