export * from './job-queue.service';
export * from './queue.module';
export * from './redis-connection';
export * from './redis-client.provider';
export * from './queue-processor';
export * from './run-worker';
export * from './stage-counters';
