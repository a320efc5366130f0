import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { CachingRouteConfig } from './caching.decorators';

/** True when an If-None-Match header names the tag (or is `*`); weak comparison, as RFC 9110 asks for GET. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}

/** ETags for the routes marked @ETagged(): computed from the answer's bytes, so any change of the resource shows. */
export function installETags(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!(request.routeOptions.config as CachingRouteConfig | undefined)?.etag) return payload;
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
      // Encoded once: the hash reads these bytes and the socket is given them, instead of each encoding the text.
      const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      void reply.header('etag', etag);
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'private, no-cache');
      if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return body;
      void reply.status(304).removeHeader('content-type').removeHeader('content-length');
      return '';
    });
}
