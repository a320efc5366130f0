import { ConfigModule } from '@copydesk/config';
import { DatabaseModule } from '@copydesk/database';
import { LoggingModule } from '@copydesk/logging';
import { DeliverySweeper, RouteAndDeliverModule } from '@copydesk/pipeline/publish';
import { QueueModule } from '@copydesk/queue';
import { Module } from '@nestjs/common';
import { PublishProcessor } from './processors/publish.processor';

@Module({
  imports: [ConfigModule, LoggingModule.forRoot('publish-worker'), DatabaseModule, QueueModule.forRoot(), RouteAndDeliverModule],
  providers: [PublishProcessor, DeliverySweeper],
})
export class PublishWorkerModule {}
