import type { AppConfig } from '@copydesk/config';
import { CORRELATION_ID_HEADER } from '@copydesk/contracts';
import { correlationIdFrom } from '@copydesk/logging';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isUtf8 } from 'node:buffer';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problem } from '../common/problem';
import { findNul, jsonDepthExceeds } from './body-checks';

type RawHeaders = Record<string, string | string[] | undefined>;

/**
 * Swagger UI is served from node_modules by this process (nothing from a CDN): scripts only from here; the inline
 * <style> of its page and the styles it sets at run time need 'unsafe-inline' for styles, never for scripts.
 */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The one body type the API reads: application/json, and `application/<something>+json`. */
const JSON_SUFFIX_TYPE = /^application\/[\w.-]+\+json\s*(?:;|$)/i;
const XML_TYPE = /^(?:application\/(?:[\w.-]+\+)?xml|text\/xml)\s*(?:;|$)/i;

/** The routes that take agency wire copy as XML: the push and webhook ingest routes. */
const takesWireCopy = (method: string, url: string): boolean =>
  method === 'POST' && /^\/v1\/(?:articles|webhooks\/[^/?#]+)\/?(?:[?#]|$)/.test(url);

/**
 * The Fastify options of the API's HTTP edge: body size, timeouts that bound a slow sender, and Fastify's own early
 * errors (bad URL encoding, an over-long path parameter, oversized headers, a timed-out request) as problem+json.
 */
export function fastifyOptions(config: AppConfig) {
  const requestTimeout = config.get('HTTP_REQUEST_TIMEOUT_MS');
  return {
    bodyLimit: config.get('MAX_BODY_BYTES'),
    trustProxy: trustProxy(config.get('TRUST_PROXY')),
    // The request id is the correlation id: the caller's x-correlation-id when sane, a new UUID otherwise.
    genReqId: (req: { headers: RawHeaders }) => correlationIdFrom(req.headers[CORRELATION_ID_HEADER]),
    requestTimeout,
    // Node checks these timeouts on an interval: a short one keeps the bound close to the setting.
    http: {
      headersTimeout: Math.min(config.get('HTTP_HEADERS_TIMEOUT_MS'), requestTimeout),
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 16 * 1024,
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) => {
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? ErrorCode.UriTooLong : ErrorCode.InvalidParameter;
      const detail =
        code === ErrorCode.UriTooLong ? 'A path segment is longer than 200 characters.' : 'The URL is not valid (bad percent-encoding).';
      sendEdgeProblem(reply, problem(code, detail, { instance: safeInstance(request.raw.url), correlationId: request.id }));
    },
    clientErrorHandler: writeClientError,
  };
}

/**
 * Installs the edge on the Fastify instance, before Nest registers its routes: body parsers (JSON only, valid
 * UTF-8, nesting bounded), the NUL check on every body, query and path, `405` for a known path with another method,
 * and the headers every answer carries.
 */
export function installEdge(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const maxDepth = config.get('MAX_JSON_DEPTH');
  const routes = new RouteTable();
  fastify.addHook('onRoute', (route) => routes.add(route));

  // Form posts and text are refused (415) rather than half-understood by the API; JSON must be valid UTF-8 and not
  // too deep. The dashboard's own pages post forms, so /admin takes them (its guard checks their CSRF token).
  // Fastify's built-in parsers go: its JSON parser would win over ours for plain application/json.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  const bodyLimit = config.get('MAX_BODY_BYTES');
  // Nest completes a parser through the promise it returns (or a `done` callback): async, not a bare return.
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (request: { url: string }, body: Buffer) =>
    isDashboardPath(request.url) ? Promise.resolve(parseForm(body)) : Promise.reject(unsupportedMediaType()),
  );
  const json = (_request: unknown, body: Buffer): Promise<unknown> => {
    try {
      return Promise.resolve(parseJson(body, maxDepth));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
  // Wire copy (NewsML-G2, NITF) is XML: kept as bytes for the routes that take it (the handler reads `rawBody`).
  app.useBodyParser(XML_TYPE, { bodyLimit }, (request: { url: string; method: string }, body: Buffer) =>
    takesWireCopy(request.method, request.url) && body.length > 0
      ? Promise.resolve({})
      : Promise.reject(body.length > 0 ? unsupportedMediaType() : malformed('The body is empty; send a wire document.')),
  );
  app.useBodyParser('application/json', { bodyLimit }, json);
  app.useBodyParser(JSON_SUFFIX_TYPE, { bodyLimit }, json);

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
    void reply.header('x-content-type-options', 'nosniff');
    if (request.url === '/docs' || request.url.startsWith('/docs/') || request.url.startsWith('/docs?'))
      void reply.header('content-security-policy', DOCS_CSP);
    const allowed = request.is404 ? routes.methodsFor(request.url) : [];
    if (allowed.length === 0) return done();
    void reply.header('allow', allowed.join(', '));
    const detail = `${request.method} is not allowed on this path; use ${allowed.join(', ')}.`;
    sendEdgeProblem(reply, problem(ErrorCode.MethodNotAllowed, detail, { instance: safeInstance(request.url), correlationId: request.id }));
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    const { body } = request;
    // Every body the API takes is an object: `null`, a number or an array is refused here, never half-validated.
    if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body)))
      return done(edgeValidation('/', 'the body must be a JSON object'));
    const where = findNul(request.params, '/path') ?? findNul(request.query, '/query') ?? (body === undefined ? null : findNul(body));
    done(where ? edgeValidation(where, 'must not contain NUL (\\u0000) characters') : undefined);
  });
}

/** Fastify's trustProxy: true/false, or the proxies' addresses; a number of hops believes that many from the socket. */
function trustProxy(setting: string): boolean | string | ((address: string, hop: number) => boolean) {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address: string, hop: number) => hop < hops;
  }
  return setting;
}

function parseJson(body: Buffer, maxDepth: number): unknown {
  if (body.length === 0) throw malformed('The body is empty; send a JSON object.');
  if (!isUtf8(body)) throw malformed('The body is not valid UTF-8.');
  const text = body.toString('utf8');
  if (jsonDepthExceeds(text, maxDepth)) throw edgeValidation('/', `JSON nested deeper than ${maxDepth} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, rejectPrototypeKeys);
  } catch (err) {
    if (err instanceof CopydeskException) throw err;
    throw malformed(`The body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parsed;
}

/** As Fastify's own parser: `__proto__` and `constructor.prototype` keys are refused, never merged into objects. */
function rejectPrototypeKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value))
    throw malformed('The body has a forbidden "__proto__" or "constructor.prototype" key.');
  return value;
}

function malformed(detail: string): CopydeskException {
  return new CopydeskException(ErrorCode.MalformedBody, detail);
}

function unsupportedMediaType(): CopydeskException {
  return new CopydeskException(ErrorCode.UnsupportedMediaType, 'Send the body as application/json.');
}

function edgeValidation(pointer: string, detail: string): CopydeskException {
  return new CopydeskException(ErrorCode.ValidationFailed, `${pointer}: ${detail}`, { errors: [{ pointer, detail }] });
}

function sendEdgeProblem(reply: FastifyReply, document: ProblemDocument): FastifyReply {
  return reply
    .status(document.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-content-type-options', 'nosniff')
    .send(JSON.stringify(document));
}

/** The path only (no query), cut short: it is echoed back and must not carry what a long or odd URL holds. */
function safeInstance(url: string | undefined): string {
  return (url ?? '').split('?')[0].slice(0, 200);
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (oversized headers, a request timing out, garbage):
 * answered as problem+json on the raw socket, then closed.
 */
function writeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, ErrorCode.RequestTimeout, 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, ErrorCode.HeadersTooLarge, 'The request headers are larger than 16 KiB.']
        : [400, ErrorCode.MalformedBody, 'The request is not valid HTTP.'];
  const body = JSON.stringify({ ...problem(code, detail), status });
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Known paths and their methods, to tell "no such path" (404) from "not with this method" (405). */
class RouteTable {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];

  add(route: RouteOptions): void {
    if (route.url.includes('*')) return;
    const source = `^${route.url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`;
    let entry = this.routes.find((r) => r.pattern.source === source);
    if (!entry) this.routes.push((entry = { pattern: new RegExp(source), methods: new Set() }));
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) entry.methods.add(method);
  }

  methodsFor(url: string): string[] {
    const path = url.split('?')[0];
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const m of route.methods) methods.add(m);
    return [...methods].sort();
  }
}

/** The dashboard's pages and their form posts: `/admin` and below. */
function isDashboardPath(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
}

/** A form body as fields; a field sent more than once (a multi-select) becomes a list. */
function parseForm(body: Buffer): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}
