import { ConfigModule } from '@copydesk/config';
import { DatabaseModule } from '@copydesk/database';
import { LoggingModule } from '@copydesk/logging';
import { FolderWatcher, IngestModule, OutboxSweeper, PipelineReconciler, RetentionSweeper } from '@copydesk/pipeline';
import { QueueModule } from '@copydesk/queue';
import { Module } from '@nestjs/common';
import { PollScheduleReconciler } from './poll-schedule.reconciler';
import { IngestProcessor } from './processors/ingest.processor';
import { PollProcessor } from './processors/poll.processor';

@Module({
  imports: [ConfigModule, LoggingModule.forRoot('ingest-worker'), DatabaseModule, QueueModule.forRoot(), IngestModule],
  providers: [IngestProcessor, PollProcessor, OutboxSweeper, PollScheduleReconciler, PipelineReconciler, RetentionSweeper, FolderWatcher],
})
export class IngestWorkerModule {}
