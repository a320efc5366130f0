export * from './log-context';
export * from './logging.module';
export * from './redaction';
