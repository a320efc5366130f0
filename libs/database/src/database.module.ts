import { AppConfig } from '@copydesk/config';
import { isInfrastructureError, waitOutOutage } from '@copydesk/runtime';
import { Global, Module, type OnApplicationBootstrap, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type DatabaseSettings, dataSourceOptions, migrateDatabaseAt } from './data-source';
import {
  ApiKeyRepository,
  ArticleEnrichmentRepository,
  ArticleRepository,
  ArticleSearchRepository,
  AuditLogRepository,
  ClusterRepository,
  DashboardRepository,
  DeliveryBatchRepository,
  DeliveryDispatchRepository,
  DeliveryRepository,
  EditorialCorrectionRepository,
  IdempotencyRepository,
  OperationsRepository,
  RawItemRepository,
  RecoveryRepository,
  RetentionRepository,
  RelationRepository,
  SourceItemRepository,
  SourceRepository,
  StatsRepository,
  SubscriptionRepository,
  TakedownRepository,
} from './repositories';

const REPOSITORIES = [
  ApiKeyRepository,
  IdempotencyRepository,
  AuditLogRepository,
  ArticleEnrichmentRepository,
  ArticleRepository,
  ArticleSearchRepository,
  ClusterRepository,
  DashboardRepository,
  DeliveryBatchRepository,
  DeliveryDispatchRepository,
  DeliveryRepository,
  EditorialCorrectionRepository,
  OperationsRepository,
  RawItemRepository,
  RecoveryRepository,
  RetentionRepository,
  RelationRepository,
  SourceItemRepository,
  SourceRepository,
  StatsRepository,
  SubscriptionRepository,
  TakedownRepository,
];

function settings(config: AppConfig): DatabaseSettings {
  return {
    url: config.require('DATABASE_URL'),
    poolSize: config.get('DATABASE_POOL_SIZE'),
    connectTimeoutMs: config.get('DATABASE_CONNECT_TIMEOUT_MS'),
    statementTimeoutMs: config.get('DATABASE_STATEMENT_TIMEOUT_MS'),
  };
}

/**
 * How long a starting process waits for PostgreSQL: a server restarting, or a loaded machine where a connection
 * takes longer than DATABASE_CONNECT_TIMEOUT_MS, is waited out; a wrong address still fails start-up, a minute later.
 */
const BOOT_WAIT_MS = 60_000;
const BOOT_RETRY_ATTEMPTS = 12;

/** The TypeORM data source and the repositories. Every process imports it once. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(settings(config)),
        retryAttempts: BOOT_RETRY_ATTEMPTS,
        retryDelay: 2_000,
        toRetry: isInfrastructureError,
      }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('DATABASE_MIGRATE')) return;
    // A connection of its own without statement_timeout: building an index on a big table may take longer.
    const migration = { ...settings(this.config), poolSize: 1, statementTimeoutMs: undefined };
    const ran = await waitOutOutage(() => migrateDatabaseAt(migration), {
      budgetMs: BOOT_WAIT_MS,
      onRetry: (err, attempt, delayMs) =>
        this.logger.warn(`PostgreSQL unavailable for migrations (try ${attempt}: ${(err as Error).message}); again in ${delayMs} ms`),
    });
    if (ran.length) this.logger.log(`migrations applied: ${ran.join(', ')}`);
  }
}
