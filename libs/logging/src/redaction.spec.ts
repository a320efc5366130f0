import { loadConfig } from '@copydesk/config';
import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLineScrubber, errorSerializer, REDACT_PATHS, REDACTED, secretValues } from './redaction';

const ADMIN_KEY = 'admin-key-for-redaction-0123456789';
const SECRETS_KEY = 'secrets-key-for-redaction-0123456789abcdef';
const config = loadConfig({
  COPYDESK_ADMIN_KEY: ADMIN_KEY,
  SECRETS_KEY,
  DATABASE_URL: 'postgres://copydesk:db-pass-w0rd@db.internal:5432/copydesk',
  REDIS_URL: 'redis://:redis-pass-w0rd@cache.internal:6379',
});

/** A pino logger wired as LoggingModule wires it, writing into an array of lines. */
function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino(
    {
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: errorSerializer },
      hooks: { streamWrite: createLineScrubber(secretValues(config)) },
    },
    stream,
  );
  return { logger, lines };
}

describe('log redaction', () => {
  it('lists every secret variable of the environment and the passwords inside the URLs', () => {
    const values = secretValues(config);
    expect(values).toEqual(expect.arrayContaining([ADMIN_KEY, SECRETS_KEY, 'db-pass-w0rd', 'redis-pass-w0rd']));
    expect(values).toContain('postgres://copydesk:db-pass-w0rd@db.internal:5432/copydesk');
  });

  it('removes secret values wherever they appear: messages, nested fields, error messages', () => {
    const { logger, lines } = capture();
    logger.info(
      { note: `key=${ADMIN_KEY}`, nested: { deeper: { url: 'postgres://copydesk:db-pass-w0rd@db.internal:5432/copydesk' } } },
      'hello',
    );
    logger.warn(`the secrets key is ${SECRETS_KEY}`);
    logger.error({ err: new Error(`could not log in with redis-pass-w0rd`) }, 'failed');
    const output = lines.join('');
    for (const secret of [ADMIN_KEY, SECRETS_KEY, 'db-pass-w0rd', 'redis-pass-w0rd']) expect(output).not.toContain(secret);
    expect(output).toContain(REDACTED);
    expect(output).toContain('"msg":"hello"');
  });

  it('redacts credential headers and fields, and the keys and webhook secrets Copydesk mints', () => {
    const { logger, lines } = capture();
    logger.info({
      req: {
        method: 'POST',
        url: '/v1/articles',
        headers: { authorization: 'Bearer cdk_abcdefghijklmnopqrstuvwxyz012345', 'webhook-signature': 'v1,abc=' },
      },
    });
    logger.info({ source: { credentials: { type: 'basic', username: 'ed', password: 'feed-pass-1' } } });
    logger.info({ deep: { a: { b: { fetchHeaders: { Authorization: 'Basic ZWQ6ZmVlZC1wYXNzLTE=' }, apiKey: 'k-123456' } } } });
    logger.info(`subscriber secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw and key cdk_${'x'.repeat(32)}`);
    const output = lines.join('');
    for (const secret of ['cdk_abcdefghij', 'v1,abc=', 'feed-pass-1', 'ZWQ6ZmVlZC1wYXNzLTE=', 'k-123456', 'whsec_MfKQ', 'cdk_xxxx']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('"url":"/v1/articles"');
  });

  it('logs a failed statement without its values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "sources_slug_key"'), {
      code: '23505',
      detail: 'Key (slug)=(secret-slug) already exists.',
    });
    const failed = new QueryFailedError(
      'INSERT INTO sources (slug, credentials_encrypted) VALUES ($1, $2)',
      ['secret-slug', 'sealed-credential-blob'],
      driverError,
    );
    const { logger, lines } = capture();
    logger.error({ err: failed }, 'query failed');
    const output = lines.join('');
    expect(output).toContain('INSERT INTO sources (slug, credentials_encrypted) VALUES ($1, $2)');
    expect(output).toContain('23505');
    expect(output).not.toContain('sealed-credential-blob');
    expect(output).not.toContain('secret-slug');
  });
});
