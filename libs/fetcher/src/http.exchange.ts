import type { Dispatcher } from 'undici';
import { readBody } from './body/body.reader';
import { isContentTypeAccepted, type MediaType, parseMediaType } from './body/content-type.policy';
import { FetchError, FetchErrorCode } from './fetch.error';
import { toFetchError } from './fetch-error.mapper';
import { parseRetryAfter } from '@copydesk/http';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Small error and redirect bodies are read to the end so the keep-alive connection can be reused; bigger ones are cut.
const DRAIN_LIMIT = 64 * 1024;

/** One GET, one response: the building block the fetcher repeats along a redirect chain. */
export interface ExchangeRequest {
  url: URL;
  headers: Record<string, string>;
  /** Network time this hop may use, body included. */
  budgetMs: number;
  signal?: AbortSignal;
  maxBytes: number;
  truncate: boolean;
  /** `any` for robots.txt, whatever a server calls it. */
  acceptContentTypes: readonly string[] | 'any';
  defaultRetryAfterMs: number;
  maxRetryAfterMs: number;
  /** Called before throwing `rate-limited`, so every worker pauses the host. */
  coolDown: (durationMs: number) => Promise<void>;
}

/** How one hop ended (failures are thrown as FetchError). */
export type HopOutcome =
  | { kind: 'redirect'; statusCode: number; location: string; ttfbMs: number }
  | { kind: 'not-modified'; statusCode: number; headers: Record<string, string>; ttfbMs: number }
  | {
      kind: 'ok';
      statusCode: number;
      headers: Record<string, string>;
      mediaType?: MediaType;
      bytes: Buffer;
      ttfbMs: number;
    };

/**
 * Sends one GET without following redirects and reads the answer under the hop's time budget and size cap.
 * Redirects are returned, not followed, so the fetcher re-checks every Location against the URL policy.
 */
export async function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Promise<HopOutcome> {
  const { url } = request;
  const timer = new AbortController();
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    timer.abort(new FetchError(FetchErrorCode.Timeout, `no complete answer within ${request.budgetMs} ms`, { url: url.href }));
  }, request.budgetMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
  const started = Date.now();
  try {
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: request.headers,
      signal,
      headersTimeout: request.budgetMs,
      bodyTimeout: request.budgetMs,
    });
    const ttfbMs = Date.now() - started;
    return await handleResponse(response, request, ttfbMs);
  } catch (err) {
    throw toFetchError(err, { url: url.href, timedOut, aborted: request.signal?.aborted === true });
  } finally {
    clearTimeout(timeout);
  }
}

async function handleResponse(response: Dispatcher.ResponseData, request: ExchangeRequest, ttfbMs: number): Promise<HopOutcome> {
  const { statusCode } = response;
  const headers = flattenHeaders(response.headers);
  const href = request.url.href;

  if (REDIRECT_STATUSES.has(statusCode) && headers['location']) {
    await drain(response);
    return { kind: 'redirect', statusCode, location: headers['location'], ttfbMs };
  }
  if (statusCode === 304) {
    // A 304 costs nothing further: no body read, no decoding.
    await drain(response);
    return { kind: 'not-modified', statusCode, headers, ttfbMs };
  }
  if (statusCode === 429 || (statusCode === 503 && headers['retry-after'] !== undefined)) {
    await drain(response);
    const parsed = parseRetryAfter(headers['retry-after']);
    const retryAfterMs = Math.min(parsed ?? request.defaultRetryAfterMs, request.maxRetryAfterMs);
    await request.coolDown(retryAfterMs);
    throw new FetchError(FetchErrorCode.RateLimited, `${request.url.host} answered ${statusCode}`, {
      url: href,
      statusCode,
      retryAfterMs,
    });
  }
  if (statusCode < 200 || statusCode > 299) {
    await drain(response);
    throw new FetchError(FetchErrorCode.HttpStatus, `HTTP ${statusCode}`, { url: href, statusCode });
  }

  const mediaType = parseMediaType(headers['content-type']);
  if (mediaType && request.acceptContentTypes !== 'any' && !isContentTypeAccepted(mediaType.essence, request.acceptContentTypes)) {
    discard(response);
    throw new FetchError(FetchErrorCode.ContentTypeRefused, `content type ${mediaType.essence} is not accepted`, { url: href });
  }
  const declaredLength = Number(headers['content-length']);
  if (!request.truncate && Number.isFinite(declaredLength) && declaredLength > request.maxBytes) {
    // Refused before reading a byte of it.
    discard(response);
    throw new FetchError(FetchErrorCode.TooLarge, `Content-Length ${declaredLength} exceeds ${request.maxBytes}`, { url: href });
  }
  const bytes = await readBody(response.body, {
    maxBytes: request.maxBytes,
    contentEncoding: headers['content-encoding'],
    truncate: request.truncate,
    url: href,
  });
  return { kind: 'ok', statusCode, headers, mediaType, bytes, ttfbMs };
}

async function drain(response: Dispatcher.ResponseData): Promise<void> {
  try {
    await response.body.dump({ limit: DRAIN_LIMIT });
  } catch {
    // The body is being thrown away; a failure to read it changes nothing.
  }
}

// Closes the connection instead of reading a body nobody wants; the abort error it raises has no one to tell.
function discard(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => undefined);
  response.body.destroy();
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
