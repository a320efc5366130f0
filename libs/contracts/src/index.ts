export * from './queues';
export * from './events';
export * from './statuses';
export * from './correlation';
export * from './enrichment';
