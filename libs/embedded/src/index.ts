export * from './embedded-postgres';
export * from './embedded-redis';
export * from './free-port';
export * from './local-secrets';
export * from './postgres-binaries';
export * from './process-table';
export * from './run-record';
export * from './server-account';
