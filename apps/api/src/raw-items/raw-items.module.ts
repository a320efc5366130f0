import { IngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { RawItemsController } from './raw-items.controller';

/** Raw inputs as received, and their replay through the ingest pipeline. */
@Module({ imports: [IngestModule], controllers: [RawItemsController] })
export class RawItemsModule {}
