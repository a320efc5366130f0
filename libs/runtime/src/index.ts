export * from './close-on-signals';
export * from './periodic-sweep';
