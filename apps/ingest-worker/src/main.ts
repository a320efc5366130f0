import 'reflect-metadata';
import { runWorker } from '@copydesk/queue';
import { IngestWorkerModule } from './ingest-worker.module';

runWorker('ingest-worker', IngestWorkerModule);
