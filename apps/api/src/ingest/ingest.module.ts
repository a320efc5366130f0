import { IngestModule as PipelineIngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { IngestController } from './ingest.controller';

@Module({ imports: [PipelineIngestModule], controllers: [IngestController] })
export class IngestApiModule {}
