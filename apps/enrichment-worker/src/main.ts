import 'reflect-metadata';
import { runWorker } from '@copydesk/queue';
import { EnrichmentWorkerModule } from './enrichment-worker.module';

runWorker('enrichment-worker', EnrichmentWorkerModule);
