import { IngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../common/api-key.guard';
import { WebhooksController } from './webhooks.controller';

@Module({ imports: [IngestModule], controllers: [WebhooksController], providers: [ApiKeyGuard] })
export class WebhooksModule {}
