import { IngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { SourcesController } from './sources.controller';

@Module({ imports: [IngestModule], controllers: [SourcesController] })
export class SourcesModule {}
