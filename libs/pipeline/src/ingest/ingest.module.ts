import { Module } from '@nestjs/common';
import { IngestReceiver } from './ingest-receiver.service';
import { RawItemProcessor } from './raw-item-processor.service';

/** Needs the global DatabaseModule and QueueModule. The sweeper only starts where a worker lists it as a provider. */
@Module({
  providers: [IngestReceiver, RawItemProcessor],
  exports: [IngestReceiver, RawItemProcessor],
})
export class IngestModule {}

