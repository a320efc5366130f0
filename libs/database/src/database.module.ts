import { AppConfig } from '@copydesk/config';
import { Global, Module, type OnApplicationBootstrap, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from './data-source';
import {
  ApiKeyRepository,
  ArticleEnrichmentRepository,
  ArticleRepository,
  ArticleSearchRepository,
  AuditLogRepository,
  ClusterRepository,
  DeliveryRepository,
  EditorialCorrectionRepository,
  IdempotencyRepository,
  OperationsRepository,
  RawItemRepository,
  RelationRepository,
  SourceItemRepository,
  SourceRepository,
  StatsRepository,
  SubscriptionRepository,
} from './repositories';

const REPOSITORIES = [
  ApiKeyRepository,
  IdempotencyRepository,
  AuditLogRepository,
  ArticleEnrichmentRepository,
  ArticleRepository,
  ArticleSearchRepository,
  ClusterRepository,
  DeliveryRepository,
  EditorialCorrectionRepository,
  OperationsRepository,
  RawItemRepository,
  RelationRepository,
  SourceItemRepository,
  SourceRepository,
  StatsRepository,
  SubscriptionRepository,
];

function settings(config: AppConfig) {
  return { url: config.require('DATABASE_URL'), poolSize: config.get('DATABASE_POOL_SIZE') };
}

/** The TypeORM data source and the repositories. Every process imports it once. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(settings(config)), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('DATABASE_MIGRATE')) return;
    const ran = await runMigrations(this.dataSource, settings(this.config));
    if (ran.length) this.logger.log(`migrations applied: ${ran.join(', ')}`);
  }
}
