import { PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';

@Module({ imports: [PublishModule], controllers: [DeliveriesController] })
export class DeliveriesModule {}
