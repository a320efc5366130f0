import { IngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';

@Module({ imports: [IngestModule], controllers: [WebhooksController] })
export class WebhooksModule {}
