import { PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { SubscriptionsController } from './subscriptions.controller';

@Module({ imports: [PublishModule], controllers: [SubscriptionsController] })
export class SubscriptionsModule {}
