import 'reflect-metadata';
import { runWorker } from '@copydesk/queue';
import { PublishWorkerModule } from './publish-worker.module';

runWorker('publish-worker', PublishWorkerModule);
