export * from './embedded-postgres';
export * from './embedded-redis';
export * from './free-port';
export * from './local-secrets';
