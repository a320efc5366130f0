import type { AppConfig } from '@copydesk/config';
import { IdempotencyRepository, type StoredAnswer } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { SecretBox } from '@copydesk/secrets';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { IDEMPOTENCY_HEADER, type IdempotencyRouteConfig } from './idempotent.decorator';

type IdempotentRequest = FastifyRequest & { rawBody?: Buffer; idempotency?: { owner: string; key: string } };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a first request holds its key before a retry may take over (its API process may have died). */
const LOCK_SECONDS = 60;
/** How long a retry waits for the first request's answer. */
const WAIT_MS = 10_000;
/** Answers a retry must not get again: the key or the rate was the problem, not the request. */
const NOT_KEPT = new Set([401, 403, 408, 429]);
const PURGE_INTERVAL_MS = 10 * 60_000;
const KEPT_HEADERS = ['content-type', 'location', 'cache-control'];

/**
 * Idempotency-Key on the routes marked @Idempotent(), as Fastify hooks: preHandler claims the key (or replays the
 * first answer), onSend stores the answer. Keys belong to the API key that sent them (to the source, for signed
 * webhooks), so two clients never see each other's answers.
 */
export function installIdempotency(app: NestFastifyApplication, config: AppConfig): void {
  const secretsKey = config.get('SECRETS_KEY');
  const context: HookContext = {
    store: app.get(IdempotencyRepository),
    logger: new Logger('Idempotency'),
    ttl: config.get('IDEMPOTENCY_TTL_SECONDS'),
    box: secretsKey ? new SecretBox(secretsKey) : null,
  };
  const fastify = app.getHttpAdapter().getInstance();
  // Expired keys are taken over when reused; this only keeps the table small.
  const purge = setInterval(() => {
    context.store.purgeExpired(5000).catch((err: unknown) => context.logger.warn({ err }, 'could not purge expired idempotency keys'));
  }, PURGE_INTERVAL_MS);
  purge.unref();

  fastify.addHook('preHandler', (request: IdempotentRequest, reply: FastifyReply) => claimKey(context, request, reply));
  fastify.addHook('onSend', (request: IdempotentRequest, reply: FastifyReply, payload: unknown) =>
    storeAnswer(context, request, reply, payload),
  );
}

interface HookContext {
  store: IdempotencyRepository;
  logger: Logger;
  ttl: number;
  box: SecretBox | null;
}

/** preHandler: claims the request's key for its owner, replays the first answer, or refuses a reuse or a race. */
async function claimKey({ store, ttl, box }: HookContext, request: IdempotentRequest, reply: FastifyReply): Promise<unknown> {
  const options = (request.routeOptions.config as IdempotencyRouteConfig | undefined)?.idempotency;
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (!options || header === undefined) return;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw invalidKey('must be 1 to 255 visible ASCII characters');
  if (options.carriesSecret && !box) throw invalidKey('this answer carries a secret, and without SECRETS_KEY it cannot be kept to replay');
  const owner = ownerOf(request);
  if (!owner) return; // no credentials: the guard answers 401, nothing to remember
  const fingerprint = fingerprintOf(request);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claim = await store.claim(owner, header, fingerprint, ttl, LOCK_SECONDS);
    switch (claim.state) {
      case 'claimed':
        request.idempotency = { owner, key: header };
        return;
      case 'answered':
        return replay(reply, claim.answer, box);
      case 'mismatch':
        throw new CopydeskException(
          ErrorCode.IdempotencyKeyReused,
          'This Idempotency-Key was used with another request (method, path or body): use a new key for a new request.',
        );
      case 'in-progress':
        if (Date.now() > deadline)
          throw new CopydeskException(
            ErrorCode.IdempotencyKeyInUse,
            'The first request with this Idempotency-Key is still being answered.',
            {},
            { headers: { 'retry-after': '1' } },
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** onSend: keeps the answer to a claimed key (sealed when it may carry a secret), or lets the key go. */
async function storeAnswer(
  { store, logger, box }: HookContext,
  request: IdempotentRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const claim = request.idempotency;
  if (!claim) return payload;
  request.idempotency = undefined;
  try {
    const status = reply.statusCode;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (status >= 500 || NOT_KEPT.has(status) || body === null) {
      await store.release(claim.owner, claim.key);
    } else {
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await store.complete(claim.owner, claim.key, { status, headers, body: box ? box.seal(body) : body });
    }
  } catch (err) {
    // The answer still goes out; a retry then does the work again, which every route tolerates (upserts, ids).
    logger.error({ err, correlationId: request.id }, 'could not store the answer to an Idempotency-Key');
  }
  return payload;
}

function replay(reply: FastifyReply, answer: StoredAnswer, box: SecretBox | null): FastifyReply {
  const body = box ? box.open(answer.body) : answer.body;
  void reply.status(answer.status).headers(answer.headers).header('idempotent-replayed', 'true');
  return reply.send(body);
}

/** The API key (by its hash: the key itself is never stored), or the source of a signed webhook. */
function ownerOf(request: IdempotentRequest): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (bearer) return `key:${createHash('sha256').update(bearer[1]).digest('hex')}`;
  const sourceId = (request.params as Record<string, string> | undefined)?.sourceId;
  return request.headers['webhook-signature'] && sourceId ? `webhook:${sourceId}` : null;
}

/** Method, path with query, and the body's bytes as sent. */
function fingerprintOf(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('hex');
}

function invalidKey(detail: string): CopydeskException {
  return new CopydeskException(ErrorCode.ValidationFailed, `Idempotency-Key ${detail}.`, {
    errors: [{ pointer: '/header/idempotency-key', detail }],
  });
}
