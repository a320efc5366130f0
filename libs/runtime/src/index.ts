export * from './close-on-signals';
export * from './periodic-sweep';
export * from './infrastructure-error';
export * from './micro-batcher';
export * from './process-heap';
export * from './wait-out-outage';
