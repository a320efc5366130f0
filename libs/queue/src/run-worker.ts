import { ConfigError, loadConfig } from '@copydesk/config';
import { closeOnSignals } from '@copydesk/runtime';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/**
 * Boots a worker process: validated config first (a bad value stops here, naming the variable), then the Nest
 * context with its processors. On SIGTERM Nest closes the workers, which finish their in-flight jobs first.
 */
export function runWorker(name: string, module: Type<unknown>): void {
  try {
    loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n`);
    process.exit(1);
  }
  NestFactory.createApplicationContext(module, { bufferLogs: true })
    .then((app) => {
      const logger = app.get(Logger);
      app.useLogger(logger);
      closeOnSignals(app, (signal) => logger.log(`${name} stopped on ${signal}`));
      logger.log(`${name} started`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${name}: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
