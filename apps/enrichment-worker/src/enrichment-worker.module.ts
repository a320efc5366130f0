import { ConfigModule } from '@copydesk/config';
import { DatabaseModule } from '@copydesk/database';
import { LoggingModule } from '@copydesk/logging';
import { EnrichModule } from '@copydesk/pipeline';
import { QueueModule } from '@copydesk/queue';
import { Module } from '@nestjs/common';
import { EnrichmentProcessor } from './processors/enrichment.processor';

@Module({
  imports: [ConfigModule, LoggingModule.forRoot('enrichment-worker'), DatabaseModule, QueueModule.forRoot(), EnrichModule],
  providers: [EnrichmentProcessor],
})
export class EnrichmentWorkerModule {}
