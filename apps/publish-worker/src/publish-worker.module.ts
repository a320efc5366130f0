import { ConfigModule } from '@copydesk/config';
import { DatabaseModule } from '@copydesk/database';
import { LoggingModule } from '@copydesk/logging';
import { DeliverySweeper, PublishModule } from '@copydesk/pipeline';
import { QueueModule } from '@copydesk/queue';
import { Module } from '@nestjs/common';
import { PublishProcessor } from './processors/publish.processor';

@Module({
  imports: [ConfigModule, LoggingModule.forRoot('publish-worker'), DatabaseModule, QueueModule.forRoot(), PublishModule],
  providers: [PublishProcessor, DeliverySweeper],
})
export class PublishWorkerModule {}
