import 'reflect-metadata';
import { type AppConfig, ConfigError, loadConfig } from '@copydesk/config';
import { closeOnSignals } from '@copydesk/runtime';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { createValidationPipe } from './common/validation';
import { fastifyOptions, installEdge } from './edge/http-edge';
import { installIdempotency } from './idempotency/idempotency.hooks';
import { installETags } from './caching/etag.hooks';
import { buildOpenApiDocument } from './openapi/openapi.document';

async function bootstrap(config: AppConfig): Promise<void> {
  // The request id is the correlation id: pino-http, the problem documents and the jobs all read this one value.
  const adapter = new FastifyAdapter(fastifyOptions(config));
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true, rawBody: true });
  installEdge(app, config);
  installIdempotency(app, config);
  installETags(app);
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useGlobalPipes(createValidationPipe());
  closeOnSignals(app, (signal) => logger.log(`api stopped on ${signal}`));

  const document = buildOpenApiDocument(app);
  // No validator badge: it would load an image from validator.swagger.io, which the CSP (and offline use) rule out.
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', swaggerOptions: { validatorUrl: null } });

  await app.listen(config.get('PORT'), config.get('HOST'));
  logger.log(`Copydesk API listening on http://${config.get('HOST')}:${config.get('PORT')}`);
}

try {
  const config = loadConfig();
  bootstrap(config).catch((err: unknown) => {
    process.stderr.write(`api: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`api: ${err.message}\n`);
  process.exit(1);
}
