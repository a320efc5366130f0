import { AppConfig } from '@copydesk/config';
import { CORRELATION_ID_HEADER } from '@copydesk/contracts';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { currentLogContext } from './log-context';
import { createLineScrubber, errorSerializer, REDACT_PATHS, REDACTED, secretValues } from './redaction';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is sane, a new one otherwise. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

/**
 * JSON logs (pino) for one process, named after it. Errors go under `err` so stacks survive; fields from
 * `withLogContext` (the correlation id of the job at hand) are mixed into every line. Secrets never reach the
 * output: credential headers and fields are redacted, a failed statement is logged without its values, and every
 * line is scrubbed of the environment's secret values and of the keys and webhook secrets Copydesk mints.
 */
@Module({})
export class LoggingModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL'),
              base: { app, pid: process.pid },
              mixin: () => currentLogContext(),
              // Under Fastify the request already carries its id (the correlation id, see apps/api main.ts); this only
              // runs for requests that arrive without one.
              genReqId: (req: IncomingMessage) => correlationIdFrom(req.headers[CORRELATION_ID_HEADER]),
              customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
              redact: { paths: REDACT_PATHS, censor: REDACTED },
              serializers: { err: errorSerializer },
              hooks: { streamWrite: createLineScrubber(secretValues(config)) },
              // Health probes every few seconds would drown the useful lines.
              autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') === true || req.url === '/metrics' },
            },
          }),
        }),
      ],
    };
  }
}
